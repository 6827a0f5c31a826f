/**
 * Gap detection for one section's committed updates arriving from other instances.
 *
 * Every batch is committed under the section's advisory lock (group-commit.ts, cluster mode),
 * so a section's rows are committed in id order and each batch knows the id of the row before
 * it (`CommitIds.prev`). A receiver that has applied everything up to row `last` can therefore
 * tell a complete chain (prev = last) from a gap (prev > last: a message was lost, or is late).
 * Updates are applied at once whatever their order (Yjs keeps what it cannot integrate yet);
 * the chain only decides WHEN to repair: a link still missing after `graceMs` (a late message
 * arrives within it), a Redis reconnect, or a periodic check that the database holds no row
 * beyond `last`. Repair reads the section's rows after `last` in one statement (one snapshot:
 * a compaction is seen wholly or not at all) and applies them; Yjs ignores what it already has.
 */
import type { CommitIds } from "./types";

export class SectionChain {
  /** Highest row id up to which every row is applied; null until the room loaded. */
  last: number | null = null;
  /** Links seen beyond `last`: prev → id. */
  private readonly links = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private repairing: Promise<void> | null = null;
  private again = false;

  constructor(
    /** Reads rows after `afterId` and applies them; resolves with the highest id read (or afterId). */
    private readonly repairFrom: (afterId: number) => Promise<number>,
    private readonly graceMs: number,
    private readonly log: (message: string, err?: unknown) => void,
  ) {}

  /** The room loaded the log up to `maxId`. */
  loaded(maxId: number): void {
    this.last = maxId;
    this.advance();
  }

  /** A committed batch is applied (or, for our own, was in the document already). */
  saw(ids: CommitIds): void {
    if (this.last !== null && ids.id <= this.last) return;
    this.links.set(ids.prev, ids.id);
    this.advance();
  }

  /** True while some link is missing. */
  get gap(): boolean {
    return this.links.size > 0;
  }

  private advance(): void {
    if (this.last === null) return;
    for (let next = this.links.get(this.last); next !== undefined; next = this.links.get(this.last)) {
      this.links.delete(this.last);
      this.last = next;
    }
    // Rows are committed in id order, so no row lies between a link's prev and id: a link that
    // starts below `last` is stale (a repair read past it).
    for (const prev of [...this.links.keys()]) if (prev < this.last) this.links.delete(prev);
    if (this.links.size && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.links.size) void this.repair();
      }, this.graceMs);
      this.timer.unref?.();
    }
  }

  /**
   * Reads what this room may have missed from the database (gap, reconnect, periodic check);
   * concurrent calls share one read, and a call during a read runs once more after it.
   */
  repair(): Promise<void> {
    if (this.last === null) return Promise.resolve();
    if (this.repairing) {
      this.again = true;
      return this.repairing;
    }
    const from = this.last;
    this.repairing = this.repairFrom(from)
      .then((maxId) => {
        if (this.last !== null && maxId > this.last) this.last = maxId;
        this.advance();
      })
      .catch((err) => this.log("gap repair failed; retried on the next check", err))
      .finally(() => {
        this.repairing = null;
        if (this.again) {
          this.again = false;
          void this.repair();
        }
      });
    return this.repairing;
  }

  /** Stops the timer (room destroyed). */
  dispose(): void {
    clearTimeout(this.timer);
    this.links.clear();
  }
}
