/**
 * Limits that keep one account, one address or one socket from exhausting the collaboration
 * server for everybody (numbers in options.ts, README "Collaboration close codes"):
 * - ConnectionCounter: open (and upgrading) sockets per account and per client address; the
 *   upgrade is refused with HTTP 429 past the limit, before any socket exists;
 * - TokenBucket: frames per second of one connection (refilled continuously, bursts allowed);
 *   a connection that runs dry is closed with 4429.
 */
import { AppError } from "@/lib/errors";

/** Counts live connections per key (account id, client address). */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(
    /** Most connections per key; 0 means no limit. */
    private readonly max: number,
  ) {}

  /** Current count of `key`. */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /**
   * Takes a slot for `key`; returns the release function (idempotent).
   * @throws AppError too_many_attempts (HTTP 429) when `key` already holds `max` slots.
   */
  acquire(key: string, message: string): () => void {
    const n = this.count(key);
    if (this.max > 0 && n >= this.max) throw new AppError("too_many_attempts", message);
    this.counts.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(key) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }
}

/** A token bucket: `ratePerSec` tokens per second, at most `burst` saved up. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the caller closes the connection). */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSec);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
