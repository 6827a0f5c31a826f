/**
 * Cluster mode from the environment: `REDIS_URL` (with `DATABASE_URL`) makes this process one
 * of several instances behind a load balancer (README "Deployment: several instances").
 * Without `REDIS_URL` nothing changes. The embedded database (PGlite) is one process's own
 * folder, so several instances cannot share it: `REDIS_URL` without `DATABASE_URL` is refused.
 */
import { z } from "zod";

const redisUrl = z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://");

/**
 * The Redis URL when cluster mode is on, else null.
 * @throws Error with a clear message when REDIS_URL is malformed or the database is PGlite.
 */
export function clusterRedisUrl(env: Record<string, string | undefined>, databaseKind: "pglite" | "postgres"): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  const parsed = redisUrl.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  if (databaseKind === "pglite") {
    throw new Error(
      "REDIS_URL is set but DATABASE_URL is not: several instances must share one PostgreSQL server " +
        "(the embedded database belongs to one process). Set DATABASE_URL=postgres://… or unset REDIS_URL.",
    );
  }
  return parsed.data;
}
