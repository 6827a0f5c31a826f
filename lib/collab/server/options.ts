/**
 * Tunables of the collaboration server, validated with zod (entry-point limits beside the
 * entry point). Defaults meet the product contract: saved within 200 ms, log compacted above
 * 200 rows, dead peers found within 30 s, frames at most 2 MiB; one account or address cannot
 * take more than its share of sockets, one socket not more than its share of frames (limits.ts).
 */
import { z } from "zod";

export const collabOptionsSchema = z.object({
  /** The app's public origin (checked against the WebSocket Origin header). */
  origin: z.string().url(),
  /** Largest accepted frame in bytes; larger frames close the connection with 1009. */
  maxPayload: z.number().int().positive().default(2 * 1024 * 1024),
  /**
   * Batching window of one room's updates (ms). Short: while a room's write is in flight its
   * next updates gather anyway (one write at a time per room), so the window only delays the
   * first edit after a pause; the group commit bounds the transactions.
   */
  saveDelayMs: z.number().int().min(0).max(100).default(10),
  /**
   * Shortest time between two group-commit transactions (ms; group-commit.ts): at most
   * 1000/groupCommitMs transactions/s whatever the number of rooms. Under load a batch waits
   * for the window in flight and its own (≈ 2 × groupCommitMs), so saveDelayMs + 2 ×
   * groupCommitMs + the write stays well under the 100 ms saved-ack target.
   */
  groupCommitMs: z.number().int().min(0).max(80).default(25),
  /** Retries of a failed write before giving up until the next change. */
  maxRetries: z.number().int().min(0).default(5),
  /** Log rows above which a room compacts its log into one row. */
  compactAbove: z.number().int().positive().default(200),
  /** How long an empty room stays in memory (ms). */
  unloadAfterMs: z.number().int().min(0).default(30_000),
  /** Ping interval for dead-peer detection (ms). */
  pingIntervalMs: z.number().int().positive().default(30_000),
  /**
   * Open sockets per account (all sections, all tabs); the next upgrade is refused with HTTP 429.
   * 20 is far above one person's tabs and far below what a stolen cookie could open. 0: no limit.
   */
  maxConnectionsPerAccount: z.number().int().min(0).default(20),
  /**
   * Open sockets per client address (the socket's peer, or with TRUST_PROXY=1 the last
   * X-Forwarded-For entry); HTTP 429 past it. Raise it for an office behind one NAT address.
   * 0: no limit.
   */
  maxConnectionsPerAddress: z.number().int().min(0).default(60),
  /**
   * Frames per second one socket may send on average (typing sends one update and one presence
   * frame per keystroke, ≈ 20/s for a fast typist); past it the socket is closed with 4429.
   */
  framesPerSecond: z.number().positive().default(300),
  /** Frames one socket may send at once above the average (a reconnect's catch-up). */
  frameBurst: z.number().int().positive().default(600),
});

const envNumber = z.coerce.number().int().min(0).optional();

/**
 * The limits an operator may set through the environment (README "Configuration"):
 * HEGAO_COLLAB_CONNECTIONS_PER_ACCOUNT, HEGAO_COLLAB_CONNECTIONS_PER_ADDRESS,
 * HEGAO_COLLAB_FRAMES_PER_SECOND. Unset variables keep the defaults above.
 * @throws ZodError on a value that is not a whole number ≥ 0.
 */
export function collabLimitsFromEnv(env: Record<string, string | undefined> = process.env): Partial<CollabOptions> {
  const perAccount = envNumber.parse(env.HEGAO_COLLAB_CONNECTIONS_PER_ACCOUNT || undefined);
  const perAddress = envNumber.parse(env.HEGAO_COLLAB_CONNECTIONS_PER_ADDRESS || undefined);
  const fps = envNumber.parse(env.HEGAO_COLLAB_FRAMES_PER_SECOND || undefined);
  return {
    ...(perAccount !== undefined && { maxConnectionsPerAccount: perAccount }),
    ...(perAddress !== undefined && { maxConnectionsPerAddress: perAddress }),
    ...(fps && { framesPerSecond: fps, frameBurst: fps * 2 }),
  };
}

export type CollabOptions = z.input<typeof collabOptionsSchema>;
export type ResolvedCollabOptions = z.output<typeof collabOptionsSchema>;
