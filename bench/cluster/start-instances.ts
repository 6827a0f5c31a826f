/**
 * The instances of the cross-instance bench: N Hegao servers started like the normal bench's
 * (bench/hegao-server.ts `startHegao`: the `.next-bench` build, `npm start`'s V8 flags, its own
 * port and data folder), all on one PostgreSQL database and one Redis with a channel prefix of
 * this run, and one NEXTAUTH_SECRET so that a session cookie from instance 1 opens a socket on
 * any instance. The first starts alone (it migrates and seeds); the others follow once it is
 * healthy, as `npm run cluster` does.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startHegao, type HegaoServer } from "../hegao-server";
import { sleep } from "../stats";

export interface ClusterOptions {
  instances: number;
  databaseUrl: string;
  redisUrl: string;
  /** HEGAO_REDIS_PREFIX of this run, so parallel runs and other users of the Redis never cross. */
  redisPrefix: string;
  /** taskset cpu-list for every instance (bench/pinning.ts). */
  cpus?: string;
}

export interface Cluster {
  servers: HegaoServer[];
  /** Stops every instance (SIGTERM: they save their rooms) and removes their data folders. */
  stop(): Promise<void>;
}

/** Waits until `GET /api/health` answers 200 (database and Redis reachable). @throws after `timeoutMs` */
async function healthy(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < end) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(250);
  }
  throw new Error(`${url} not healthy within ${timeoutMs / 1000} s (${last})`);
}

/**
 * Starts the instances; resolves once every one is healthy. On a failure the ones already
 * started are stopped before it rejects. @throws with the failing server's log
 */
export async function startInstances(o: ClusterOptions): Promise<Cluster> {
  const secret = randomBytes(32).toString("base64url");
  const dirs: string[] = [];
  const servers: HegaoServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.child.stop()));
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  };
  const start = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-instance-"));
    dirs.push(dir);
    const server = await startHegao(dir, {
      env: { DATABASE_URL: o.databaseUrl, REDIS_URL: o.redisUrl, HEGAO_REDIS_PREFIX: o.redisPrefix, NEXTAUTH_SECRET: secret },
      cpus: o.cpus,
    });
    servers.push(server);
    await healthy(server.url, 30_000);
    return server;
  };
  try {
    const first = await start();
    const rest = await Promise.all(Array.from({ length: o.instances - 1 }, start));
    return { servers: [first, ...rest], stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
