/**
 * Loads the body of sections for assembly: the latest approved version (immutable, what the
 * reviewer approved) or the live Yjs document rebuilt from the update log.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates, sectionVersions } from "@/db/schema";
import { renderSection, type RenderedSection } from "@/lib/collab/render-section";

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
 * The latest `kind='approved'` version's plain text of each section that has one
 * (sectionId → text; sections without one are absent).
 */
export async function latestApprovedText(db: DbOrTx, sectionIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (sectionIds.length === 0) return out;
  const rows = await db
    .select({ sectionId: sectionVersions.sectionId, text: sectionVersions.text })
    .from(sectionVersions)
    .where(and(inArray(sectionVersions.sectionId, sectionIds), eq(sectionVersions.kind, "approved")))
    .orderBy(desc(sectionVersions.number));
  for (const row of rows) if (!out.has(row.sectionId)) out.set(row.sectionId, row.text);
  return out;
}

/**
 * The current text of each section, rebuilt from its Yjs update log by the safe renderer.
 * Takes section ids; returns sectionId → RenderedSection (`ok: false` for an unreadable log;
 * a section without updates is an empty doc). Never throws for the content.
 */
export async function currentContent(db: DbOrTx, sectionIds: string[]): Promise<Map<string, RenderedSection>> {
  const out = new Map<string, RenderedSection>();
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
    const rendered = renderSection(bySection.get(id) ?? []);
    if (!rendered.ok) console.warn(`[hegao] section ${id} is unreadable: ${rendered.error}`);
    out.set(id, rendered);
  }
  return out;
}
