/**
 * The outbox's three statements: claim due rows with a lease, mark one sent, record a failure.
 *
 * A claim sets `locked_until = now + lease` on up to `limit` pending rows that are due and not
 * leased (or whose lease expired: a worker that crashed mid-send). `FOR UPDATE SKIP LOCKED`
 * lets several instances claim side by side on PostgreSQL without taking the same row. The
 * lease value is the claim's token: marking a row sent or failed only succeeds while the row
 * still carries that exact lease, so a worker whose lease expired and was re-claimed by another
 * cannot also mark it (it logs the possible duplicate instead).
 *
 * All times come from the caller's clock (tests drive the backoff with a fake clock).
 */
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationDeliveries as nd, type NotificationDelivery } from "@/db/schema";
import { MAX_ATTEMPTS, backoffMs } from "./backoff";

/** Claims due rows for `leaseMs`; each returned row's `lockedUntil` is its lease token. */
export async function claimDue(db: DbOrTx, opts: { now: Date; leaseMs: number; limit: number }): Promise<NotificationDelivery[]> {
  const due = db
    .select({ id: nd.id })
    .from(nd)
    .where(and(eq(nd.status, "pending"), lte(nd.nextAttemptAt, opts.now), or(isNull(nd.lockedUntil), lt(nd.lockedUntil, opts.now))))
    .orderBy(asc(nd.nextAttemptAt))
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  return db
    .update(nd)
    .set({ lockedUntil: new Date(opts.now.getTime() + opts.leaseMs) })
    .where(inArray(nd.id, due))
    .returning();
}

/** Marks a claimed row sent (one statement, right after the remote accepted). @returns false if the lease was lost. */
export async function markSent(db: DbOrTx, row: NotificationDelivery, now: Date): Promise<boolean> {
  const done = await db
    .update(nd)
    .set({ status: "sent", sentAt: now, attempts: sql`${nd.attempts} + 1`, lockedUntil: null, lastError: null })
    .where(and(eq(nd.id, row.id), eq(nd.status, "pending"), eq(nd.lockedUntil, row.lockedUntil!)))
    .returning({ id: nd.id });
  return done.length === 1;
}

/**
 * Records a failed attempt: `attempts + 1`, the error, and either the next attempt after the
 * backoff or `failed` (the cap reached, or a `permanent` error). @returns the new status, or
 * null if the lease was lost.
 */
export async function markFailed(db: DbOrTx, row: NotificationDelivery, opts: { now: Date; error: string; permanent: boolean; maxAttempts?: number }): Promise<"pending" | "failed" | null> {
  const attempts = row.attempts + 1;
  const status = opts.permanent || attempts >= (opts.maxAttempts ?? MAX_ATTEMPTS) ? "failed" : "pending";
  const done = await db
    .update(nd)
    .set({ status, attempts, lastError: opts.error.slice(0, 1000), lockedUntil: null, nextAttemptAt: new Date(opts.now.getTime() + backoffMs(attempts)) })
    .where(and(eq(nd.id, row.id), eq(nd.status, "pending"), eq(nd.lockedUntil, row.lockedUntil!)))
    .returning({ id: nd.id });
  return done.length === 1 ? status : null;
}
