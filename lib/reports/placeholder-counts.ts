/**
 * Unresolved placeholder counts of many sections at once, from their current Yjs text (not the
 * cached `sections.placeholderCount`, which is only as fresh as the last save).
 */
import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { renderSection } from "@/lib/collab/render-section";
import { countPlaceholders } from "@/lib/placeholders/find";

/**
 * Section id → number of unresolved placeholders (intended keys excluded).
 * Sections without stored text, or whose text cannot be read, count 0.
 */
export async function placeholderCounts(
  db: DbOrTx,
  list: readonly { id: string; intendedPlaceholders: string[] }[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!list.length) return counts;
  const rows = await db
    .select({ sectionId: sectionUpdates.sectionId, update: sectionUpdates.update })
    .from(sectionUpdates)
    .where(inArray(sectionUpdates.sectionId, list.map((s) => s.id)))
    .orderBy(asc(sectionUpdates.id));
  const bySection = new Map<string, Uint8Array[]>();
  for (const r of rows) bySection.set(r.sectionId, [...(bySection.get(r.sectionId) ?? []), r.update]);
  for (const s of list) {
    const rendered = renderSection(bySection.get(s.id) ?? []);
    counts.set(s.id, rendered.ok ? countPlaceholders(rendered.text, s.intendedPlaceholders) : 0);
  }
  return counts;
}
