/**
 * Group commit of the collaboration rooms' batches: every room's merged batch that arrives
 * within `windowMs` of the first one is written in ONE transaction (one multi-row INSERT into
 * `section_updates`, one UPDATE of `sections.last_activity_at`). PGlite executes SQL
 * synchronously on the event loop, so 20 busy rooms writing their own transaction every 40 ms
 * (≈ 500 transactions/s) stalled fan-out; grouped, it is ≈ 1/windowMs transactions/s
 * (measured with `npm run bench`, see README "Benchmarks").
 *
 * Failure isolation: when the group transaction fails (one room's section was deleted and its
 * rows break the foreign key, say), each room's batch is retried in its own transaction, so
 * only the bad room fails; a room whose section no longer exists is rejected with
 * SectionGoneError (dropped by its room, never retried), the others resolve as written.
 *
 * Nothing here renders the document: placeholder counts are computed from the text where they
 * are shown (dashboard, API, submit), so saving stays O(batch) whatever the section's size.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";
import { SectionGoneError } from "./section-gone";

export interface GroupCommitOptions {
  /** How long the first batch waits for others before the transaction starts (ms). */
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
    }, this.opts.windowMs);
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

/** One transaction: the rows, then the rooms' last activity. */
async function write(db: Db, batch: Pending[]): Promise<void> {
  const ids = [...new Set(batch.map((p) => p.sectionId))];
  await db.transaction(async (tx) => {
    await tx.insert(sectionUpdates).values(batch.map((p) => ({ sectionId: p.sectionId, update: p.update })));
    await tx.update(sections).set({ lastActivityAt: new Date() }).where(inArray(sections.id, ids));
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

/** Resolves (`err` null) or rejects every pending batch. */
function settle(batch: Pending[], err: unknown): void {
  for (const p of batch) {
    if (err) p.reject(err);
    else p.resolve();
  }
}
