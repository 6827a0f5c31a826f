/**
 * Batches a room's updates into the database and acknowledges them (Outline's persistence
 * extension, made per room):
 * - updates arriving within `delayMs` are merged (`Y.mergeUpdates`) into one appended row, so
 *   every update is written well within 200 ms of its arrival;
 * - after a batch is written, each connection that contributed is told the highest message
 *   number of it that is now saved (acks only ever follow a successful write);
 * - writes are serialised; a failed write keeps its updates (in order) and is retried with
 *   backoff up to `maxRetries` times, then logged and retried on the next update or flush;
 * - when the log grows beyond `compactAbove` rows it is compacted into one row;
 * - a write refused because the section no longer exists (SectionGoneError) is not retried:
 *   the batch and its acknowledgements are discarded, `onGone` is called once, and the saver
 *   writes nothing ever again.
 */
import * as Y from "yjs";
import { isSectionGone, type SectionGoneError } from "./section-gone";

/** Where a room's batches go (bound to the database and section by the room). */
export interface SaverStore {
  /** Resolves once committed (its value, e.g. the row ids in cluster mode, is the store's own). */
  append(update: Uint8Array): Promise<unknown>;
  /** Compacts the log; returns the rows left. */
  compact(): Promise<number>;
}

/** Who gets told what is saved. */
export interface AckTarget {
  ackSaved(count: number): void;
}

export interface SaverOptions {
  delayMs: number;
  maxRetries: number;
  compactAbove: number;
  log: (message: string, err?: unknown) => void;
  /** Called once when a write found the section deleted (the room closes itself with 4404). */
  onGone?: (err: SectionGoneError) => void;
}

export class RoomSaver {
  private pending: Uint8Array[] = [];
  private acks = new Map<AckTarget, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failures = 0;
  /** Discarded: the section is gone (or the room was dropped); nothing is written any more. */
  private discarded = false;

  constructor(
    private readonly store: SaverStore,
    private readonly opts: SaverOptions,
    /** Rows in the log when the room was loaded. */
    public rows = 0,
  ) {}

  /** True while something is not yet written or not yet acknowledged. */
  get dirty(): boolean {
    return this.pending.length > 0 || this.acks.size > 0;
  }

  /** Queues `update` (null: nothing to store) and the acknowledgement of message `count` of `target`. */
  add(update: Uint8Array | null, target?: AckTarget, count?: number): void {
    if (this.discarded) return;
    if (update) this.pending.push(update);
    if (target && count !== undefined) this.acks.set(target, Math.max(this.acks.get(target) ?? 0, count));
    this.schedule(this.opts.delayMs);
  }

  /** Writes everything queued so far; rejects when the write fails (the data stays queued). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.chain.then(() => this.writeOnce());
    this.chain = run.catch(() => {});
    return run;
  }

  /** Flushes, then compacts the log (room unload). */
  async flushAndCompact(): Promise<void> {
    await this.flush();
    const run = this.chain.then(async () => {
      if (this.rows > 1 && !this.discarded) this.rows = await this.store.compact();
    });
    this.chain = run.catch(() => {});
    await run;
  }

  /** Drops everything pending, unacknowledged, for good (the section was deleted). */
  discard(): void {
    this.discarded = true;
    this.pending = [];
    this.acks = new Map();
    this.dispose();
  }

  /** Stops the timer (room destroyed). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => {}); // logged in writeOnce; retried by its own schedule
    }, ms);
  }

  private async writeOnce(): Promise<void> {
    if (this.discarded || !this.dirty) return;
    const batch = this.pending;
    const acks = this.acks;
    this.pending = [];
    this.acks = new Map();
    try {
      if (batch.length) {
        await this.store.append(batch.length === 1 ? batch[0] : Y.mergeUpdates(batch));
        this.rows++;
      }
      this.failures = 0;
    } catch (err) {
      if (isSectionGone(err)) {
        this.discard();
        this.opts.onGone?.(err);
        throw err;
      }
      this.pending = [...batch, ...this.pending];
      for (const [t, n] of acks) this.acks.set(t, Math.max(this.acks.get(t) ?? 0, n));
      this.failures++;
      const retry = this.failures <= this.opts.maxRetries;
      this.opts.log(`save failed (attempt ${this.failures}${retry ? "" : ", giving up until the next change"})`, err);
      if (retry) this.schedule(Math.min(250 * 2 ** this.failures, 10_000));
      throw err;
    }
    for (const [target, count] of acks) target.ackSaved(count);
    if (this.rows > this.opts.compactAbove) {
      try {
        this.rows = await this.store.compact();
      } catch (err) {
        if (isSectionGone(err)) {
          this.discard();
          this.opts.onGone?.(err);
          return;
        }
        this.opts.log("compaction failed", err);
      }
    }
  }
}
