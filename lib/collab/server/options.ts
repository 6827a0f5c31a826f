/**
 * Tunables of the collaboration server, validated with zod (entry-point limits beside the
 * entry point). Defaults meet the product contract: saved within 200 ms, log compacted above
 * 200 rows, dead peers found within 30 s, frames at most 2 MiB.
 */
import { z } from "zod";

export const collabOptionsSchema = z.object({
  /** The app's public origin (checked against the WebSocket Origin header). */
  origin: z.string().url(),
  /** Largest accepted frame in bytes; larger frames close the connection with 1009. */
  maxPayload: z.number().int().positive().default(2 * 1024 * 1024),
  /** Batching window of one room's updates (ms). */
  saveDelayMs: z.number().int().min(0).max(100).default(30),
  /**
   * How long a room's batch waits for other rooms' batches so that all are written in one
   * transaction (ms). saveDelayMs + groupCommitMs + the write stays well under 200 ms.
   */
  groupCommitMs: z.number().int().min(0).max(80).default(40),
  /** Retries of a failed write before giving up until the next change. */
  maxRetries: z.number().int().min(0).default(5),
  /** Log rows above which a room compacts its log into one row. */
  compactAbove: z.number().int().positive().default(200),
  /** How long an empty room stays in memory (ms). */
  unloadAfterMs: z.number().int().min(0).default(30_000),
  /** Ping interval for dead-peer detection (ms). */
  pingIntervalMs: z.number().int().positive().default(30_000),
});

export type CollabOptions = z.input<typeof collabOptionsSchema>;
export type ResolvedCollabOptions = z.output<typeof collabOptionsSchema>;
