/**
 * Group commit of the collaboration rooms' batches: every room's merged batch that arrives
 * within `windowMs` of the first one is written in ONE transaction (one multi-row INSERT into
 * `section_updates`, one UPDATE of `sections.last_activity_at`). PGlite executes SQL
 * synchronously on the event loop, so 20 busy rooms writing their own transaction every 40 ms
 * (≈ 500 transactions/s) stalled fan-out; grouped, it is ≈ 1/windowMs transactions/s
 * (measured with `npm run bench`, see README "Benchmarks").
 *
 * Placeholder counts (`sections.placeholder_count`) need the section's text, which costs a full
 * render of the document, so they are refreshed at most once per `placeholderEveryMs` per
 * section (and at once for a section's first batch), not on every batch.
 */
import type * as Y from "yjs";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";
import { docToContent } from "@/lib/collab/content";
import { countPlaceholders } from "@/lib/placeholders/find";

export interface GroupCommitOptions {
  /** How long the first batch waits for others before the transaction starts (ms). */
  windowMs: number;
  /** Least time between two placeholder recounts of one section (ms). */
  placeholderEveryMs: number;
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
  private lastCount = new Map<string, number>();
  private countTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly db: () => Promise<Db>,
    private readonly opts: GroupCommitOptions,
  ) {}

  /**
   * Queues one room batch; resolves once it is committed (then the room may acknowledge it),
   * rejects when the transaction failed (the room keeps the batch and retries).
   */
  append(sectionId: string, update: Uint8Array, doc: Y.Doc): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.queue.push({ sectionId, update, resolve, reject }));
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain.then(() => this.commit());
    }, this.opts.windowMs);
    this.schedulePlaceholderCount(sectionId, doc);
    return done;
  }

  /** Commits whatever is queued now (shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.chain = this.chain.then(() => this.commit());
    await this.chain;
  }

  /** Stops the placeholder timers (shutdown, after the last flush). */
  dispose(): void {
    for (const t of this.countTimers.values()) clearTimeout(t);
    this.countTimers.clear();
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

  /** Recounts now when the section was not counted within `placeholderEveryMs`, else later. */
  private schedulePlaceholderCount(sectionId: string, doc: Y.Doc): void {
    if (this.countTimers.has(sectionId)) return;
    const wait = (this.lastCount.get(sectionId) ?? -Infinity) + this.opts.placeholderEveryMs - performance.now();
    const run = () => {
      this.countTimers.delete(sectionId);
      this.lastCount.set(sectionId, performance.now());
      this.countPlaceholders(sectionId, doc).catch((err) => this.opts.log(`[collab ${sectionId}] placeholder count failed`, err));
    };
    if (wait <= 0) run();
    else this.countTimers.set(sectionId, setTimeout(run, wait));
  }

  private async countPlaceholders(sectionId: string, doc: Y.Doc): Promise<void> {
    // The room may have been unloaded meanwhile; its last count was taken within the interval.
    if ((doc as Y.Doc & { isDestroyed?: boolean }).isDestroyed) return;
    const text = docToContent(doc).text;
    const db = await this.db();
    const [row] = await db.select({ intended: sections.intendedPlaceholders, count: sections.placeholderCount }).from(sections).where(eq(sections.id, sectionId));
    if (!row) return;
    const n = countPlaceholders(text, row.intended);
    if (n !== row.count) await db.update(sections).set({ placeholderCount: n }).where(eq(sections.id, sectionId));
  }
}
