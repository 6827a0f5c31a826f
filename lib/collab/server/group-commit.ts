/**
 * Group commit of the collaboration rooms' batches: every room's merged batch that arrives
 * within `windowMs` of the first one is written in ONE transaction (one multi-row INSERT into
 * `section_updates`, one UPDATE of `sections.last_activity_at`). PGlite executes SQL
 * synchronously on the event loop, so 20 busy rooms writing their own transaction every 40 ms
 * (≈ 500 transactions/s) stalled fan-out; grouped, it is ≈ 1/windowMs transactions/s
 * (measured with `npm run bench`, see README "Benchmarks").
 *
 * Nothing here renders the document: placeholder counts are computed from the text where they
 * are shown (dashboard, API, submit), so saving stays O(batch) whatever the section's size.
 */
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";

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
    try {
      const db = await this.db();
      const ids = [...new Set(batch.map((p) => p.sectionId))];
      await db.transaction(async (tx) => {
        await tx.insert(sectionUpdates).values(batch.map((p) => ({ sectionId: p.sectionId, update: p.update })));
        await tx.update(sections).set({ lastActivityAt: new Date() }).where(inArray(sections.id, ids));
      });
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
