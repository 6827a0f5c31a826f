/**
 * Sign-in throttling that holds under concurrency and across instances: counters live in the
 * database table `sign_in_attempts` (one row per key) and every attempt is RESERVED before the
 * password is checked, in one atomic `INSERT … ON CONFLICT (key) DO UPDATE … RETURNING`. Of 60
 * simultaneous attempts on one account exactly attempts 1..5 get to check a password; the rest
 * are refused without a check, whatever their password (issue 9, finding 3).
 *
 * Keys: `account:<username>` (5 attempts per 15 minutes, OWASP Authentication Cheat Sheet
 * "account lockout") and `address:<client address>` (30 per 15 minutes), so that whoever locks
 * a person out is slowed down per address too.
 *
 * A window starts with the first attempt; when an attempt reaches the limit `locked_until` is set
 * to that moment + the window, and attempts are refused until then. A window (or lock) that has
 * passed starts again at 1.
 */
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInAttempts } from "@/db/schema";

export interface ThrottleLimit {
  /** Attempts allowed in one window (≥ 1). */
  max: number;
  /** Window and lock length (ms). */
  windowMs: number;
}

/** 5 attempts per account in 15 minutes. */
export const ACCOUNT_LIMIT: ThrottleLimit = { max: 5, windowMs: 15 * 60 * 1000 };
/** 30 attempts per client address in 15 minutes. */
export const ADDRESS_LIMIT: ThrottleLimit = { max: 30, windowMs: 15 * 60 * 1000 };

/** The counter key of an account. */
export const accountKey = (username: string) => `account:${username}`;
/** The counter key of a client address (IPv4-mapped IPv6 written as IPv4). */
export const addressKey = (address: string) => `address:${address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "")}`;

/** The outcome of reserving one attempt. */
export interface Reservation {
  /** This attempt's number in the current window (1 = first). */
  attempt: number;
  /** True when the attempt may check a password (attempt ≤ max). */
  allowed: boolean;
  /** Attempts left after this one (0 when locked). */
  left: number;
  /** When the lock ends; null when not locked. */
  lockedUntil: Date | null;
}

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Reserves one attempt for `key` atomically (one statement; concurrent callers each get a
 * distinct attempt number). Call BEFORE checking a password; refuse when `allowed` is false.
 * @param now the attempt's time (tests pass a later one to pass a window).
 */
export async function reserveAttempt(db: DbOrTx, key: string, limit: ThrottleLimit, now = new Date()): Promise<Reservation> {
  const t = iso(now);
  const windowEnd = iso(new Date(now.getTime() + limit.windowMs));
  const windowStartedBefore = iso(new Date(now.getTime() - limit.windowMs));
  // The existing row (sign_in_attempts.*) is the previous state; `expired`: its window or lock passed.
  const expired = sql`(CASE WHEN "sign_in_attempts"."locked_until" IS NOT NULL THEN "sign_in_attempts"."locked_until" <= ${t}
    ELSE "sign_in_attempts"."window_start" <= ${windowStartedBefore} END)`;
  const [row] = await db
    .insert(signInAttempts)
    .values({ key, failures: 1, windowStart: now, lockedUntil: limit.max <= 1 ? new Date(now.getTime() + limit.windowMs) : null })
    .onConflictDoUpdate({
      target: signInAttempts.key,
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE "sign_in_attempts"."failures" + 1 END`,
        windowStart: sql`CASE WHEN ${expired} THEN ${t} ELSE "sign_in_attempts"."window_start" END`,
        lockedUntil: sql`CASE
          WHEN ${expired} THEN (CASE WHEN ${limit.max} <= 1 THEN ${windowEnd} ELSE NULL END)
          WHEN "sign_in_attempts"."locked_until" IS NULL AND "sign_in_attempts"."failures" + 1 >= ${limit.max} THEN ${windowEnd}
          ELSE "sign_in_attempts"."locked_until" END`,
      },
    })
    .returning({ failures: signInAttempts.failures, lockedUntil: signInAttempts.lockedUntil });
  const attempt = row.failures;
  return { attempt, allowed: attempt <= limit.max, left: Math.max(0, limit.max - attempt), lockedUntil: row.lockedUntil };
}

/** Forgets every attempt of `key` (a successful sign-in of the account, an admin's unlock, a password reset). */
export async function clearAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
}

/**
 * Gives back one reserved attempt of `key` (a successful sign-in from an address: the address
 * counts failures, not people signing in). Lifts the lock when the count falls below the limit.
 */
export async function releaseAttempt(db: DbOrTx, key: string, limit: ThrottleLimit): Promise<void> {
  await db
    .update(signInAttempts)
    .set({
      failures: sql`GREATEST("sign_in_attempts"."failures" - 1, 0)`,
      lockedUntil: sql`CASE WHEN "sign_in_attempts"."failures" - 1 < ${limit.max} THEN NULL ELSE "sign_in_attempts"."locked_until" END`,
    })
    .where(eq(signInAttempts.key, key));
}

/** When `key`'s lock ends, or null when it is not locked at `now`. */
export async function lockedUntil(db: DbOrTx, key: string, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInAttempts.lockedUntil })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), gt(signInAttempts.lockedUntil, now)));
  return row?.lockedUntil ?? null;
}

/**
 * Deletes counters whose window started more than `olderThanMs` (default one day) before `now`
 * and that are not locked at `now`: without it every username or address ever tried would keep
 * a row. Returns how many rows were deleted.
 */
export async function pruneAttempts(db: DbOrTx, now = new Date(), olderThanMs = 24 * 3600 * 1000): Promise<number> {
  const rows = await db
    .delete(signInAttempts)
    .where(and(lt(signInAttempts.windowStart, new Date(now.getTime() - olderThanMs)), or(isNull(signInAttempts.lockedUntil), lt(signInAttempts.lockedUntil, now))))
    .returning({ key: signInAttempts.key });
  return rows.length;
}
