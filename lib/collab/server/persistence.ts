/**
 * The database side of a collaboration room: load the log and compact it into one state row
 * (appending batches is group-commit.ts). Knows nothing of sockets.
 */
import * as Y from "yjs";
import { and, count, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reports, sectionUpdates, sections, type SectionState } from "@/db/schema";
import { loadSectionUpdates } from "@/lib/collab/section-doc";
import { decodeSectionLog, sectionLogColumns } from "@/lib/collab/section-log";
import { SectionGoneError } from "./section-gone";

/** What the room needs to know of its section. */
export interface RoomSection {
  id: string;
  departmentId: string | null;
  state: SectionState;
  /** The report's 各部门可查看全文草稿: other departments' editors connect read-only. */
  draftsVisibleToAll?: boolean;
}

/** A loaded room: its section facts, the stored updates and how many log rows exist. */
export interface LoadedRoom {
  section: RoomSection;
  updates: Uint8Array[];
  rows: number;
  /** Highest log row id read (0: empty log); other instances' updates after it are fanned out. */
  maxId?: number;
}

/** A section's facts as the room and the policy need them, fresh from the database; null when deleted. */
export async function loadRoomSection(db: Db, sectionId: string): Promise<RoomSection | null> {
  const [row] = await db
    .select({ id: sections.id, departmentId: sections.departmentId, state: sections.state, draftsVisibleToAll: reports.draftsVisibleToAll })
    .from(sections)
    .innerJoin(reports, eq(reports.id, sections.reportId))
    .where(eq(sections.id, sectionId));
  return row ?? null;
}

/**
 * Loads a section's facts and its whole update log in ONE statement (one snapshot: a
 * compaction is seen wholly or not at all; lib/collab/section-log.ts says why one value);
 * null when the section does not exist. The room applies them joined into one update
 * (`applyLog`, lib/collab/merge-log.ts; not `Y.mergeUpdates`, which grows quadratically).
 */
export async function loadRoom(db: Db, sectionId: string): Promise<LoadedRoom | null> {
  const [row] = await db
    .select({
      id: sections.id, departmentId: sections.departmentId, state: sections.state, draftsVisibleToAll: reports.draftsVisibleToAll,
      ...sectionLogColumns(sectionId),
    })
    .from(sections)
    .innerJoin(reports, eq(reports.id, sections.reportId))
    .where(eq(sections.id, sectionId));
  if (!row) return null;
  const { updates, rows, maxId } = decodeSectionLog(row);
  const section = { id: row.id, departmentId: row.departmentId, state: row.state, draftsVisibleToAll: row.draftsVisibleToAll };
  return { section, updates, rows, maxId };
}

/**
 * Replaces every log row of the section with one row holding the merged state (Yjs garbage
 * collection drops deleted content), in one transaction; rows appended meanwhile (higher ids)
 * are kept. Returns the number of rows left. One compactor per section at a time, on every
 * instance: the transaction holds the section's advisory lock (`lockSections`), which appends
 * in cluster mode take too. `onCompacted` hears the new row's id and the highest id it replaced.
 * @throws SectionGoneError when the section was deleted (its rows went with it).
 */
export async function compactLog(db: Db, sectionId: string, onCompacted?: (ids: { id: number; prev: number }) => void): Promise<number> {
  let compacted: { id: number; prev: number } | null = null;
  const left = await db.transaction(async (tx) => {
    await lockSections(tx, [sectionId]);
    const [exists] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
    if (!exists) throw new SectionGoneError(sectionId);
    const { updates, maxId } = await loadSectionUpdates(tx, sectionId);
    if (updates.length > 1) {
      const doc = new Y.Doc();
      // Compaction rewrites the stored log: it uses Yjs's own path, never the hand-made join.
      Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await tx.delete(sectionUpdates).where(and(eq(sectionUpdates.sectionId, sectionId), lte(sectionUpdates.id, maxId)));
      const [row] = await tx.insert(sectionUpdates).values({ sectionId, update: state }).returning({ id: sectionUpdates.id });
      compacted = { id: Number(row.id), prev: maxId };
    }
    const [{ n }] = await tx.select({ n: count() }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
    return n;
  });
  if (compacted) onCompacted?.(compacted);
  return left;
}

/**
 * Takes the transaction-level advisory lock of each section (sorted, so two transactions never
 * wait for each other in a circle). Rows of a section written under it are committed in id order.
 * One statement for all sections: one round trip per lock held the locks of a 20-section group
 * commit across 20 round trips, and three instances' commits queued behind each other for seconds
 * (`npm run bench -- --instances 3`). The subquery with OFFSET 0 keeps the sorted order while
 * the locks are taken (were it ever broken, PostgreSQL would end one transaction with a
 * deadlock error and the saver retries it: nothing is lost).
 */
export async function lockSections(tx: Pick<Db, "execute">, sectionIds: string[]): Promise<void> {
  const keys = [...new Set(sectionIds)].sort().map((id) => "hegao.section:" + id);
  if (!keys.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from (select k from unnest(array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]) with ordinality as t(k, n) order by n offset 0) ordered`);
}
