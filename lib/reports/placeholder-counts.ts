/**
 * Unresolved placeholder counts and 字数 of many sections at once, from their current Yjs text
 * (not the cached `sections.placeholderCount`, which is only as fresh as the last save).
 */
import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { renderSection } from "@/lib/collab/render-section";
import { countPlaceholders } from "@/lib/placeholders/find";
import { countWords } from "@/lib/text/word-count";

/** What the dashboard shows of a section's current text. */
export interface TextStats {
  /** Unresolved placeholders (intended keys excluded). */
  placeholders: number;
  /** 字数 (lib/text/word-count). */
  words: number;
}

/**
 * Section id → { placeholders, words } of the current text. Sections without stored text, or
 * whose text cannot be read, count 0 and 0.
 */
export async function sectionTextStats(
  db: DbOrTx,
  list: readonly { id: string; intendedPlaceholders: string[] }[],
): Promise<Map<string, TextStats>> {
  const stats = new Map<string, TextStats>();
  if (!list.length) return stats;
  const rows = await db
    .select({ sectionId: sectionUpdates.sectionId, update: sectionUpdates.update })
    .from(sectionUpdates)
    .where(inArray(sectionUpdates.sectionId, list.map((s) => s.id)))
    .orderBy(asc(sectionUpdates.id));
  const bySection = new Map<string, Uint8Array[]>();
  for (const r of rows) bySection.set(r.sectionId, [...(bySection.get(r.sectionId) ?? []), r.update]);
  for (const s of list) {
    const rendered = renderSection(bySection.get(s.id) ?? []);
    stats.set(s.id, rendered.ok ? { placeholders: countPlaceholders(rendered.text, s.intendedPlaceholders), words: countWords(rendered.text) } : { placeholders: 0, words: 0 });
  }
  return stats;
}

/** Section id → number of unresolved placeholders (see sectionTextStats). */
export async function placeholderCounts(
  db: DbOrTx,
  list: readonly { id: string; intendedPlaceholders: string[] }[],
): Promise<Map<string, number>> {
  const stats = await sectionTextStats(db, list);
  return new Map([...stats].map(([id, s]) => [id, s.placeholders]));
}
