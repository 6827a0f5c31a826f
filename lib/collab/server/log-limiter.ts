/**
 * Rate-limited logging of what clients do wrong (malformed frames, oversized frames): a client
 * sending garbage in a loop must not flood the server's log. Per key (a room), at most
 * `perWindow` lines in a window of `windowMs` from its first line; the rest are counted and
 * summed up in one "N more … suppressed" line when the window ends.
 */
export interface LogLimiterOptions {
  /** Lines per key and window (default 5). */
  perWindow: number;
  /** Window length in ms (default 60 000). */
  windowMs: number;
}

interface Window {
  count: number;
  suppressed: number;
}

export class LogLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly opts: LogLimiterOptions;

  constructor(
    private readonly sink: (message: string) => void,
    opts: Partial<LogLimiterOptions> = {},
  ) {
    this.opts = { perWindow: 5, windowMs: 60_000, ...opts };
  }

  /** Logs `message` under `key`, or counts it when `key` used up its lines in this window. */
  log(key: string, message: string): void {
    let w = this.windows.get(key);
    if (!w) {
      w = { count: 0, suppressed: 0 };
      this.windows.set(key, w);
      setTimeout(() => this.end(key), this.opts.windowMs).unref();
    }
    if (w.count < this.opts.perWindow) {
      w.count++;
      this.sink(message);
    } else {
      w.suppressed++;
    }
  }

  private end(key: string): void {
    const w = this.windows.get(key);
    this.windows.delete(key);
    if (w?.suppressed) {
      this.sink(`${key} ${w.suppressed} more line(s) of the same kind suppressed in the last ${Math.round(this.opts.windowMs / 1000)} s`);
    }
  }
}
