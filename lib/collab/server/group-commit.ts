/**
 * Group commit of the collaboration rooms' batches: the rooms' merged batches queued at the
 * same time are written in ONE statement (one multi-row INSERT into `section_updates` and one
 * UPDATE of `sections.last_activity_at`, see `write`). Transactions start at most once per `windowMs`:
 * a batch queued when the last transaction started `windowMs` or more ago is written on the
 * next turn of the event loop (no wait when the server is quiet), otherwise it waits for the
 * window's end together with the others. PGlite executes SQL synchronously on the event loop,
 * so 20 busy rooms writing their own transaction every 40 ms (≈ 500 transactions/s) stalled
 * fan-out; grouped, it is at most 1/windowMs transactions/s (measured with `npm run bench`,
 * see README "Benchmarks"; the wait-always window cost every quiet edit 40 ms of saved-ack).
 *
 * Failure isolation: when the group transaction fails (one room's section was deleted and its
 * rows break the foreign key, say), each room's batch is retried in its own transaction, so
 * only the bad room fails; a room whose section no longer exists is rejected with
 * SectionGoneError (dropped by its room, never retried), the others resolve as written.
 *
 * Nothing here renders the document: placeholder counts are computed from the text where they
 * are shown (dashboard, API, submit), so saving stays O(batch) whatever the section's size.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";
import { SectionGoneError } from "./section-gone";

export interface GroupCommitOptions {
  /** Shortest time between the starts of two transactions (ms); a quiet server does not wait. */
  windowMs: number;
  log: (message: string, err?: unknown) => void;
}

interface Pending {
  sectionId: string;
  update: Uint8Array;
  resolve(): void;
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
   * rejects when the transaction failed (the room keeps the batch and retries).
   */
  append(sectionId: string, update: Uint8Array): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.queue.push({ sectionId, update, resolve, reject }));
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
      await write(db, batch);
      settle(batch, null);
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
        await write(db, own);
        settle(own, null);
      } catch (err) {
        settle(own, await classify(db, sectionId, err)); // the room's saver logs and retries
      }
    }
  }
}

/**
 * One statement, so one round trip and its own transaction: the rows are inserted by a
 * data-modifying WITH clause (PostgreSQL runs it whether or not the UPDATE reads it), then the
 * rooms' last activity is set. Atomic like the BEGIN/INSERT/UPDATE/COMMIT it replaces (four
 * round trips, each waiting its turn on a busy event loop: the saved-ack tail on PostgreSQL).
 * @throws the database's error (nothing written) — a foreign-key violation when a section is gone.
 */
async function write(db: Db, batch: Pending[]): Promise<void> {
  const ids = [...new Set(batch.map((p) => p.sectionId))];
  const rows = db.insert(sectionUpdates).values(batch.map((p) => ({ sectionId: p.sectionId, update: p.update })));
  await db.execute(sql`with inserted as ${rows} update ${sections} set ${sql.identifier(sections.lastActivityAt.name)} = now() where ${inArray(sections.id, ids)}`);
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

/** Resolves (`err` null) or rejects every pending batch. */
function settle(batch: Pending[], err: unknown): void {
  for (const p of batch) {
    if (err) p.reject(err);
    else p.resolve();
  }
}
