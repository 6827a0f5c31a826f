/**
 * Test helpers for assembly, finalize and export tests: a seeded report and a way to put a
 * section into `approved` with an approved version, as the review workflow would.
 */
import { and, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sectionVersions, sections, users } from "@/db/schema";
import { docFromUpdates, docToContent, textToYjsUpdate } from "@/lib/collab/content";
import * as Y from "yjs";

/** The id of a seeded account (seedDemo). */
export async function userId(db: Db, username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** Replaces the live text of a section (one full-state update, like an editor typing it). */
export async function setLiveText(db: Db, sectionId: string, text: string): Promise<void> {
  await db.delete(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
  await db.insert(sectionUpdates).values({ sectionId, update: textToYjsUpdate(text) });
}

/**
 * Freezes the live text as an approved version and sets the section `approved`, bumping its
 * version (what submit + approve do). Returns the version number.
 */
export async function approveDirectly(db: Db, sectionId: string, approverId: string): Promise<number> {
  const rows = await db.select({ update: sectionUpdates.update }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
  const doc = docFromUpdates(rows.map((r) => r.update));
  const { json, text } = docToContent(doc);
  const [{ last }] = await db.select({ last: max(sectionVersions.number) }).from(sectionVersions).where(eq(sectionVersions.sectionId, sectionId));
  const number = (last ?? 0) + 1;
  await db.insert(sectionVersions).values({
    sectionId, number, kind: "approved", yjsState: Y.encodeStateAsUpdate(doc), contentJson: json, text, createdBy: approverId,
  });
  const [s] = await db.select({ version: sections.version }).from(sections).where(eq(sections.id, sectionId));
  await db.update(sections).set({ state: "approved", version: s.version + 1 }).where(and(eq(sections.id, sectionId)));
  doc.destroy();
  return number;
}
