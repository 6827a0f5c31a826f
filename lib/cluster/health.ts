/**
 * The health check of one instance (`GET /api/health`, for load balancers): the database
 * answers a query, and in cluster mode Redis answers PING, each within `timeoutMs`.
 * `{ ok: true, database: "ok", redis: "ok" | "off" }` → 200; anything failing → 503 with the
 * failing part named "error" (no details: the endpoint is public).
 */
import { sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import type { Db } from "@/db/client";

export interface Health {
  ok: boolean;
  database: "ok" | "error";
  redis: "ok" | "off" | "error";
}

/** Rejects after `ms` unless `p` settles first. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Checks the database (`select 1`) and, when `redis` is given (cluster mode), Redis (PING).
 * Never throws: a failure is reported in the result.
 */
export async function checkHealth(opts: { db: () => Promise<Db>; redis: (() => Redis) | null; timeoutMs?: number }): Promise<Health> {
  const ms = opts.timeoutMs ?? 2000;
  const [database, redis] = await Promise.all([
    within(opts.db().then((db) => db.execute(sql`select 1`)), ms).then(() => "ok" as const, () => "error" as const),
    opts.redis
      ? within(opts.redis().ping(), ms).then((r) => (r === "PONG" ? ("ok" as const) : ("error" as const)), () => "error" as const)
      : Promise.resolve("off" as const),
  ]);
  return { ok: database === "ok" && redis !== "error", database, redis };
}
