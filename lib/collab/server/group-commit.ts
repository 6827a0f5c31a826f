/**
 * Group commit of the collaboration rooms' batches: the rooms' merged batches queued at the
 * same time are written together (one multi-row INSERT into `section_updates` and one UPDATE
 * of `sections.last_activity_at`, see `write`). Transactions start at most once per `windowMs`:
 * a batch queued when the last transaction started `windowMs` or more ago is written on the
 * next turn of the event loop (no wait when the server is quiet), otherwise it waits for the
 * window's end together with the others. PGlite executes SQL synchronously (it now has its own
 * thread, db/pglite-worker, but one thread: commits still queue behind each other), so 20 busy rooms writing their own transaction every 40 ms (≈ 500 transactions/s) stalled
 * fan-out; grouped, it is at most 1/windowMs transactions/s (measured with `npm run bench`,
 * see README "Benchmarks"; the wait-always window cost every quiet edit 40 ms of saved-ack).
 *
 * Failure isolation: when the group transaction fails (one room's section was deleted and its
 * rows break the foreign key, say), each room's batch is retried in its own transaction, so
 * only the bad room fails; a room whose section no longer exists is rejected with
 * SectionGoneError (dropped by its room, never retried), the others resolve as written.
 *
 * Cluster mode (`ordered`): each section's advisory lock is taken first (persistence.ts
 * `lockSections`), so a section's rows commit in id order, and every batch resolves with its
 * row id and the section's previous row id (fanout/section-chain.ts detects gaps with them).
 *
 * Nothing here renders the document: placeholder counts are computed from the text where they
 * are shown (dashboard, API, submit), so saving stays O(batch) whatever the section's size.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";
import { SectionGoneError } from "./section-gone";
import type { CommitIds } from "./fanout/types";

export interface GroupCommitOptions {
  /** Shortest time between the starts of two transactions (ms); a quiet server does not wait. */
  windowMs: number;
  log: (message: string, err?: unknown) => void;
  /** Cluster mode: lock sections and report row ids (see the module comment). */
  ordered?: boolean;
}

interface Pending {
  sectionId: string;
  update: Uint8Array;
  resolve(ids: CommitIds | null): void;
  reject(err: unknown): void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** When the last transaction was started (performance.now(), ms). */
  private lastStart = -Infinity;

  constructor(
    private readonly db: () => Promise<Db>,
    private readonly opts: GroupCommitOptions,
  ) {}

  /**
   * Queues one room batch; resolves once it is committed (then the room may acknowledge it),
   * rejects when the transaction failed (the room keeps the batch and retries). Resolves with
   * the row ids in cluster mode (`ordered`), else null.
   */
  append(sectionId: string, update: Uint8Array): Promise<CommitIds | null> {
    const done = new Promise<CommitIds | null>((resolve, reject) => this.queue.push({ sectionId, update, resolve, reject }));
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain.then(() => this.commit());
    }, Math.max(0, this.lastStart + this.opts.windowMs - performance.now()));
    return done;
  }

  /** Commits whatever is queued now (shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.chain = this.chain.then(() => this.commit());
    await this.chain;
  }

  private async commit(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (!batch.length) return;
    this.lastStart = performance.now();
    let db: Db;
    try {
      db = await this.db();
    } catch (err) {
      return settle(batch, err);
    }
    try {
      settle(batch, null, await write(db, batch, this.opts.ordered));
    } catch (err) {
      const rooms = groupBySection(batch);
      // One room alone: its own error is the answer. Several: find out which room failed.
      if (rooms.size === 1) settle(batch, await classify(db, batch[0].sectionId, err));
      else await this.writeEach(db, rooms);
    }
  }

  /** Writes each room's batches in their own transaction (after a failed group transaction). */
  private async writeEach(db: Db, rooms: Map<string, Pending[]>): Promise<void> {
    for (const [sectionId, own] of rooms) {
      try {
        settle(own, null, await write(db, own, this.opts.ordered));
      } catch (err) {
        settle(own, await classify(db, sectionId, err)); // the room's saver logs and retries
      }
    }
  }
}

/**
 * Writes the rows, then the rooms' last activity, atomically.
 * - Single instance: ONE statement, so one round trip and its own transaction: the rows are
 *   inserted by a data-modifying WITH clause (PostgreSQL runs it whether or not the UPDATE reads
 *   it). Atomic like BEGIN/INSERT/UPDATE/COMMIT (four round trips, each waiting its turn on a
 *   busy event loop: the saved-ack tail on PostgreSQL).
 * - `ordered` (cluster mode): one call of `hegao_append_ordered` (migration 0009), which takes the
 *   sections' advisory locks first, in one round trip, and returns each batch's CommitIds.
 * @throws the database's error (nothing written) — a foreign-key violation when a section is gone.
 */
async function write(db: Db, batch: Pending[], ordered = false): Promise<(CommitIds | null)[]> {
  const ids = [...new Set(batch.map((p) => p.sectionId))];
  if (!ordered) {
    const rows = db.insert(sectionUpdates).values(batch.map((p) => ({ sectionId: p.sectionId, update: p.update })));
    await db.execute(sql`with inserted as ${rows} update ${sections} set ${sql.identifier(sections.lastActivityAt.name)} = now() where ${inArray(sections.id, ids)}`);
    return batch.map(() => null);
  }
  // One statement (migration 0009, hegao_append_ordered): locks, previous ids, rows, activity.
  const res = (await db.execute(sql`select row_id, row_section, prev_id from hegao_append_ordered(
    array[${sql.join(batch.map((p) => sql`${p.sectionId}`), sql`, `)}]::text[],
    array[${sql.join(batch.map((p) => sql`${Buffer.from(p.update.buffer, p.update.byteOffset, p.update.byteLength)}::bytea`), sql`, `)}]::bytea[])`)) as unknown as { rows: { row_id: string | number; row_section: string; prev_id: string | number }[] };
  // A section's rows in id order, chained from its previous highest id (updates commute, so
  // which of a section's batches got which of its ids does not matter).
  const prev = new Map<string, number>();
  const bySection = new Map<string, number[]>();
  for (const r of res.rows) {
    prev.set(r.row_section, Number(r.prev_id));
    bySection.set(r.row_section, [...(bySection.get(r.row_section) ?? []), Number(r.row_id)]);
  }
  for (const list of bySection.values()) list.sort((a, b) => a - b);
  return batch.map((p) => {
    const id = bySection.get(p.sectionId)!.shift()!;
    const out = { id, prev: prev.get(p.sectionId) ?? 0 };
    prev.set(p.sectionId, id);
    return out;
  });
}

function groupBySection(batch: Pending[]): Map<string, Pending[]> {
  const rooms = new Map<string, Pending[]>();
  for (const p of batch) rooms.set(p.sectionId, [...(rooms.get(p.sectionId) ?? []), p]);
  return rooms;
}

/** SectionGoneError when the section no longer exists, else `err` (asked of the database, not parsed from the message). */
async function classify(db: Db, sectionId: string, err: unknown): Promise<unknown> {
  try {
    const [row] = await db.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
    return row ? err : new SectionGoneError(sectionId);
  } catch {
    return err;
  }
}

/** Resolves (`err` null, with `ids` in batch order) or rejects every pending batch. */
function settle(batch: Pending[], err: unknown, ids: (CommitIds | null)[] = []): void {
  batch.forEach((p, i) => {
    if (err) p.reject(err);
    else p.resolve(ids[i] ?? null);
  });
}
