/**
 * The seam between the collaboration upgrade and whatever counts open sockets per key
 * (account id, client address). One process counts in memory (`localConnectionLimit`, today's
 * `ConnectionCounter`); cluster mode counts in Redis (`RedisConnectionLimit`,
 * connection-limit-redis.ts) so that a limit holds across every instance. attach.ts only sees
 * this interface.
 */
import { ConnectionCounter } from "./limits";

/** Gives a slot back; idempotent (a second call does nothing). */
export type ReleaseSlot = () => void;

export interface ConnectionLimit {
  /**
   * Takes a slot for `key`; resolves with its release.
   * @throws AppError too_many_attempts (HTTP 429, `message` shown) when `key` already holds the
   * most slots allowed.
   */
  acquire(key: string, message: string): Promise<ReleaseSlot>;
  /** Stops background work (timers); slots still held are left to their sockets' release. */
  close?(): void;
}

/** What is counted: sockets per account or per client address (names the Redis keys). */
export type LimitKind = "account" | "address";

/** Creates the limit of one kind allowing `max` slots per key (0: no limit). */
export type ConnectionLimits = (kind: LimitKind, max: number) => ConnectionLimit;

/** The in-process limit: counts this process's sockets only. */
export function localConnectionLimit(max: number): ConnectionLimit {
  const counter = new ConnectionCounter(max);
  return { acquire: async (key, message) => counter.acquire(key, message) };
}

/** The default for one process: every kind counted in memory. */
export const localConnectionLimits: ConnectionLimits = (_kind, max) => localConnectionLimit(max);
