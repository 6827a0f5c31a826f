/**
 * Retry policy of the outbox: exponential backoff 10 s · 2^(n−1) after the n-th failed attempt,
 * capped at 1 h, and at most 8 attempts (≈ 42 min of trying) before a delivery is `failed`
 * (visible on /admin/deliveries, where an admin can retry it).
 */

export const MAX_ATTEMPTS = 8;
const BASE_MS = 10_000;
const CAP_MS = 60 * 60_000;

/** Delay (ms) before the next attempt after `attempts` failed attempts (≥ 1). */
export function backoffMs(attempts: number): number {
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}
