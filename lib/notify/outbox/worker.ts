/**
 * The outbox worker, one per server process (started in server.ts, stopped on shutdown): every
 * `pollMs` (1 s) or soon after a nudge (lib/notify/outbox/nudge.ts) it claims due deliveries
 * with a lease, sends them, and marks each sent right after the remote accepted it, or records
 * the failure with backoff (lib/notify/outbox/claim.ts, backoff.ts). It also plans the daily
 * digests (digest.ts) at start and every `digestEveryMs`.
 *
 * Delivery is at least once and, outside one window, exactly once: a row is marked sent in
 * one statement after the remote accepted it; a crash (kill -9) BETWEEN the remote accepting
 * and that statement committing leaves the row pending, and once its lease expires it is sent
 * again. The window is one round-trip to the database; e-mails carry a Message-ID derived from
 * the idempotency key so mail systems that de-duplicate show such a resend once. A crash
 * before sending (after the cause's commit) only delays the delivery until restart.
 *
 * Why no job library: pg-boss and graphile-worker need node-postgres (LISTEN/NOTIFY, advisory
 * locks, their own schema and connections) and cannot run on PGlite, Hegao's default database.
 */
import type { Db } from "@/db/client";
import type { NotificationDelivery } from "@/db/schema";
import { DeliveryError } from "../channels/http";
import { sendDelivery } from "../channels/send";
import { claimDue, markFailed, markSent } from "./claim";
import { planDigests } from "./digest";
import { setOutboxNudge } from "./nudge";

export interface OutboxOptions {
  db: Db;
  /** Clock (tests: a fake one). */
  now?: () => Date;
  /** Sends one row (default: by its channel, lib/notify/channels/send.ts). */
  send?: (row: NotificationDelivery, now: Date) => Promise<void>;
  pollMs?: number;
  /** How long a claim holds a row; longer than any send may take (the send is cut at half). */
  leaseMs?: number;
  maxAttempts?: number;
  batch?: number;
  /** `HH:MM` Asia/Shanghai of the daily digest (HEGAO_DIGEST_AT, default 09:00). */
  digestAt?: string;
  digestEveryMs?: number;
  /** Delay before the first run (HEGAO_OUTBOX_START_DELAY_MS; crash tests). */
  startDelayMs?: number;
  log?: (line: string) => void;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits (at most `graceMs`) for the deliveries in flight. */
  stop(graceMs?: number): Promise<void>;
  /** One pass: digests when due, then claim and send until nothing is due. */
  runOnce(): Promise<{ sent: number; failed: number }>;
}

/** Creates (does not start) a worker. */
export function createOutboxWorker(opts: OutboxOptions): OutboxWorker {
  const now = opts.now ?? (() => new Date());
  const leaseMs = opts.leaseMs ?? 120_000;
  const batch = opts.batch ?? 10;
  const log = opts.log ?? ((line: string) => console.log(`[hegao] outbox: ${line}`));
  const send = opts.send ?? ((row: NotificationDelivery, at: Date) => sendDelivery(opts.db, row, at.getTime()));
  let timer: NodeJS.Timeout | null = null;
  let timerAt = 0;
  let current: Promise<unknown> | null = null;
  let stopped = true;
  let lastDigest = -Infinity;

  async function deliver(row: NotificationDelivery): Promise<boolean> {
    try {
      await withTimeout(send(row, now()), leaseMs / 2);
    } catch (err) {
      const permanent = err instanceof DeliveryError && err.permanent;
      const message = err instanceof Error ? err.message : String(err);
      const status = await markFailed(opts.db, row, { now: now(), error: message, permanent, maxAttempts: opts.maxAttempts });
      log(`${row.channel} ${row.idempotencyKey} attempt ${row.attempts + 1} failed (${status ?? "lease lost"}): ${message}`);
      return false;
    }
    if (!(await markSent(opts.db, row, now()))) log(`${row.idempotencyKey} sent, but its lease had expired: it may be sent twice`);
    return true;
  }

  async function runOnce() {
    let sent = 0;
    let failed = 0;
    const t = now().getTime();
    if (t - lastDigest >= (opts.digestEveryMs ?? 30_000)) {
      lastDigest = t;
      const planned = await planDigests(opts.db, { now: now(), digestAt: opts.digestAt });
      if (planned) log(`planned ${planned} daily digest(s)`);
    }
    for (;;) {
      const rows = await claimDue(opts.db, { now: now(), leaseMs, limit: batch });
      const results = await Promise.all(rows.map(deliver));
      sent += results.filter(Boolean).length;
      failed += results.filter((r) => !r).length;
      if (rows.length < batch) return { sent, failed };
    }
  }

  /** Runs a pass in `ms`, unless one is already scheduled sooner (a burst of nudges never postpones it). */
  function schedule(ms: number) {
    if (stopped) return;
    const at = Date.now() + ms;
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(tick, ms);
  }

  function tick() {
    timer = null;
    if (current) return schedule(opts.pollMs ?? 1000);
    current = runOnce()
      .catch((err) => log(`pass failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        current = null;
        schedule(opts.pollMs ?? 1000);
      });
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      setOutboxNudge(() => schedule(50));
      schedule(opts.startDelayMs ?? 0);
    },
    async stop(graceMs = 5000) {
      stopped = true;
      setOutboxNudge(null);
      if (timer) clearTimeout(timer);
      timer = null;
      if (current) await Promise.race([current, new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}

/** `p`, or a rejection after `ms` (the send itself may still finish: see the window above). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new DeliveryError(`发送超时（${Math.round(ms / 1000)} 秒）`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}
