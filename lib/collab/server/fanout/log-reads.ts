/**
 * The database reads of gap repair (fanout/section-chain.ts): a section's rows after a row id,
 * in ONE statement (one snapshot), and the highest row id of several sections at once (the
 * periodic check that nothing was missed).
 */
import { and, asc, eq, gt, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates } from "@/db/schema";

/** The section's log rows with id > `afterId`, in id order; `maxId` is afterId when none. */
export async function readLogAfter(db: Db, sectionId: string, afterId: number): Promise<{ updates: Uint8Array[]; maxId: number }> {
  const rows = await db
    .select({ id: sectionUpdates.id, update: sectionUpdates.update })
    .from(sectionUpdates)
    .where(and(eq(sectionUpdates.sectionId, sectionId), gt(sectionUpdates.id, afterId)))
    .orderBy(asc(sectionUpdates.id));
  return { updates: rows.map((r) => r.update), maxId: rows.length ? Number(rows[rows.length - 1].id) : afterId };
}

/** The highest log row id of each of `sectionIds` that has rows. */
export async function readMaxIds(db: Db, sectionIds: string[]): Promise<Map<string, number>> {
  if (!sectionIds.length) return new Map();
  const rows = await db
    .select({ sectionId: sectionUpdates.sectionId, maxId: max(sectionUpdates.id) })
    .from(sectionUpdates)
    .where(inArray(sectionUpdates.sectionId, sectionIds))
    .groupBy(sectionUpdates.sectionId);
  return new Map(rows.map((r) => [r.sectionId, Number(r.maxId ?? 0)]));
}
