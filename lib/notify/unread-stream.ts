/**
 * The live unread count of one account as a server-sent event stream
 * (`GET /api/notifications/stream`): `event: unread` with `{ unread }` on connect and whenever
 * the account's notifications change (lib/notify/live.ts), a comment heartbeat that also
 * re-reads the count (a lost signal costs one heartbeat, never a notification) and re-checks
 * that the account is still active (`event: end` with `{ reason: "disabled" }`, then closed).
 * The stream also ends after `maxAgeMs` with a `retry` hint, so the browser reconnects with its
 * cookie: a signed-out or expired session then gets 401 and stops.
 */
import { onNotificationsChanged } from "./live";

export interface UnreadStreamOptions {
  userId: string;
  /** Reads the count (lib/notify/list-notifications.ts unreadCount). */
  count: () => Promise<number>;
  /** True while the account may still be signed in (not disabled or deleted). */
  stillActive: () => Promise<boolean>;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /** Heartbeat, ms (default 15 s). */
  heartbeatMs?: number;
  /** Lifetime of one connection, ms (default 60 s). */
  maxAgeMs?: number;
}

const encoder = new TextEncoder();

/** The SSE body; the route wraps it in a Response with `text/event-stream`. */
export function unreadStream(o: UnreadStreamOptions): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = -1;
      let busy: Promise<void> = Promise.resolve();
      const write = (s: string) => {
        if (!closed) controller.enqueue(encoder.encode(s));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      // One count at a time, in order: a burst of signals never sends an older count last.
      const send = (force: boolean) => {
        busy = busy.then(async () => {
          if (closed) return;
          const n = await o.count();
          if (force || n !== last) write(`event: unread\ndata: ${JSON.stringify({ unread: n })}\n\n`);
          last = n;
        }).catch(() => {});
      };
      const off = onNotificationsChanged((ids) => {
        if (ids.includes(o.userId)) send(false);
      });
      const beat = setInterval(() => {
        busy = busy.then(async () => {
          if (!(await o.stillActive())) {
            write(`event: end\ndata: ${JSON.stringify({ reason: "disabled" })}\n\n`);
            close();
            return;
          }
          write(": ping\n\n");
        }).catch(() => {});
        send(false);
      }, o.heartbeatMs ?? 15_000);
      const age = setTimeout(close, o.maxAgeMs ?? 60_000);
      const onAbort = () => close();
      o.signal?.addEventListener("abort", onAbort);
      cleanup = () => {
        off();
        clearInterval(beat);
        clearTimeout(age);
        o.signal?.removeEventListener("abort", onAbort);
      };
      write("retry: 1000\n\n");
      send(true);
    },
    cancel() {
      cleanup();
    },
  });
}
