/**
 * Test helpers for the review workflow: the demo organisation in a test database, principals
 * by username, demo sections by title, and writing text to a section the way the
 * collaboration server does (a Yjs update appended to `section_updates`).
 */
import * as Y from "yjs";
import { asc, eq } from "drizzle-orm";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Db } from "@/db/client";
import { sectionUpdates, sections, users, type Section } from "@/db/schema";
import { bodySchema, docFromUpdates, textToProsemirrorJSON } from "@/lib/collab/content";
import { YJS_FIELD } from "@/lib/editor/extensions";
import type { Principal } from "@/lib/policy";

/** The account `username` as the policy sees it. */
export async function principal(db: Db, username: string): Promise<Principal> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return { id: u.id, role: u.role, departmentId: u.departmentId };
}

/** The first section whose title contains `part`. */
export async function sectionByTitle(db: Db, part: string): Promise<Section> {
  const all = await db.select().from(sections);
  const s = all.find((x) => x.title.includes(part));
  if (!s) throw new Error(`no section ${part}`);
  return s;
}

/** Fresh row of a section. */
export async function reload(db: Db, id: string): Promise<Section> {
  const [s] = await db.select().from(sections).where(eq(sections.id, id));
  return s;
}

/** Replaces the section's body with `text` by appending one incremental Yjs update. */
export async function writeText(db: Db, sectionId: string, text: string): Promise<void> {
  const rows = await db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId)).orderBy(asc(sectionUpdates.id));
  const doc = docFromUpdates(rows.map((r) => r.update));
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(YJS_FIELD);
  doc.transact(() => frag.delete(0, frag.length));
  prosemirrorJSONToYXmlFragment(bodySchema(), textToProsemirrorJSON(text), frag);
  await db.insert(sectionUpdates).values({ sectionId, update: Y.encodeStateAsUpdate(doc, before) });
  doc.destroy();
}
