/**
 * `GET /api/health`: 200 `{ ok: true, database: "ok", redis: "ok" | "off" }` when the database
 * (and Redis, with REDIS_URL) answer, else 503 — for load balancers and monitoring; no session
 * needed, no details disclosed (lib/cluster/health.ts).
 */
import { Redis } from "ioredis";
import { getDb } from "@/db/client";
import { checkHealth } from "@/lib/cluster/health";

export const dynamic = "force-dynamic";

const KEY = Symbol.for("hegao.health.redis");

/** One Redis connection per process for the check (Next may load this module more than once). */
function redis(url: string): Redis {
  const g = globalThis as { [KEY]?: Redis };
  g[KEY] ??= new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 0, disableClientInfo: true })
    .on("error", () => {}); // reported by the check itself
  return g[KEY];
}

export async function GET(): Promise<Response> {
  const url = process.env.REDIS_URL?.trim();
  const health = await checkHealth({ db: getDb, redis: url ? () => redis(url) : null });
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
