/**
 * Loads the body of sections for assembly: the latest approved version (immutable, what the
 * reviewer approved) or the live Yjs document rebuilt from the update log.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates, sectionVersions } from "@/db/schema";
import { docFromUpdates, docToContent } from "@/lib/collab/content";

/**
 * The latest `kind='approved'` version's ProseMirror JSON of each section that has one.
 * Takes section ids; returns sectionId → contentJson (sections without one are absent).
 */
export async function latestApprovedContent(db: DbOrTx, sectionIds: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (sectionIds.length === 0) return out;
  const rows = await db
    .select({ sectionId: sectionVersions.sectionId, contentJson: sectionVersions.contentJson })
    .from(sectionVersions)
    .where(and(inArray(sectionVersions.sectionId, sectionIds), eq(sectionVersions.kind, "approved")))
    .orderBy(desc(sectionVersions.number));
  for (const row of rows) if (!out.has(row.sectionId)) out.set(row.sectionId, row.contentJson);
  return out;
}

/**
 * The current text of each section as ProseMirror JSON, rebuilt from its Yjs update log.
 * Takes section ids; returns sectionId → JSON (a section without updates is an empty doc).
 */
export async function currentContent(db: DbOrTx, sectionIds: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (sectionIds.length === 0) return out;
  const rows = await db
    .select({ sectionId: sectionUpdates.sectionId, update: sectionUpdates.update })
    .from(sectionUpdates)
    .where(inArray(sectionUpdates.sectionId, sectionIds))
    .orderBy(asc(sectionUpdates.id));
  const bySection = new Map<string, Uint8Array[]>();
  for (const row of rows) {
    const list = bySection.get(row.sectionId) ?? [];
    list.push(row.update);
    bySection.set(row.sectionId, list);
  }
  for (const id of sectionIds) {
    const doc = docFromUpdates(bySection.get(id) ?? []);
    out.set(id, docToContent(doc).json);
    doc.destroy();
  }
  return out;
}
