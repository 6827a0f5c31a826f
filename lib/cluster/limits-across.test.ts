/**
 * The collaboration connection limits across two instances in one process (one PostgreSQL
 * database, the shared Redis under a private key prefix per run, real WebSocket clients): an
 * account's sockets on both instances count against one limit, a closed socket frees its slot
 * for the other instance, and the address limit holds across accounts and instances.
 * Skipped when PostgreSQL or Redis does not answer.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { openDatabase, type DbHandle } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import type { ConnectionLimits } from "@/lib/collab/server/connection-limit";
import { RedisConnectionLimit } from "@/lib/collab/server/connection-limit-redis";
import { connectClient, demoFixture, startCollabTestServer, waitFor, type CollabTestServer, type SocketClient } from "@/lib/collab/server/test-helpers";
import { adminSql } from "./test-processes";
import { answers, CLUSTER_PG_URL, CLUSTER_REDIS_URL } from "./test-client";

const SECRET = "limits-secret-0123456789abcdef";
const available = (await answers(CLUSTER_PG_URL)) && (await answers(CLUSTER_REDIS_URL));

describe.skipIf(!available)("connection limits across two instances", () => {
  const dbName = `hegao_lim_${randomBytes(5).toString("hex")}`;
  const prefix = `hegao-test-${randomBytes(4).toString("hex")}:`;
  let handle: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  const servers: CollabTestServer[] = [];
  const redis: Redis[] = [];
  const clients: SocketClient[] = [];

  /** One instance: its own Redis connection, the shared key prefix (as startCluster does). */
  async function instance(): Promise<CollabTestServer> {
    const r = new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true });
    redis.push(r);
    const limits: ConnectionLimits = (kind, max) => new RedisConnectionLimit({ redis: r, prefix: `${prefix}conn:${kind}:`, max, log: () => {} });
    const s = await startCollabTestServer(handle.db, SECRET, { unloadAfterMs: 60_000, maxConnectionsPerAccount: 3, maxConnectionsPerAddress: 5, connectionLimits: limits });
    servers.push(s);
    return s;
  }
  const open = async (s: CollabTestServer, userId: string) => {
    const c = await connectClient(s.origin, SECRET, userId, fx.section.id);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    await adminSql(`CREATE DATABASE ${dbName}`);
    const url = new URL(CLUSTER_PG_URL);
    url.pathname = `/${dbName}`;
    handle = await openDatabase({ databaseUrl: url.toString() });
    await seedDemo(handle.db);
    fx = await demoFixture(handle.db);
  });
  afterAll(async () => {
    clients.forEach((c) => c.ws.terminate());
    for (const s of servers) await s.close();
    const keys = redis.length ? await redis[0].keys(`${prefix}*`) : [];
    if (keys.length) await redis[0].del(...keys);
    redis.forEach((r) => r.disconnect());
    await handle?.close();
    await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it("one account's sockets on both instances share its limit; a close on one frees a slot on the other", async () => {
    const a = await instance();
    const b = await instance();
    const first = await open(a, fx.dqb1.id);
    await open(b, fx.dqb1.id);
    await open(a, fx.dqb1.id);
    await expect(open(b, fx.dqb1.id)).rejects.toThrow("HTTP 429");
    await expect(open(a, fx.dqb1.id)).rejects.toThrow("HTTP 429");
    await open(b, fx.dqb2.id); // another account is not affected
    first.ws.close();
    await first.closed;
    await waitFor(1000, () => open(b, fx.dqb1.id).then(() => true, () => false), "a slot again, on the other instance");
    // The address limit (5 here: every client is 127.0.0.1) holds across accounts and instances.
    await open(a, fx.dqb2.id); // the 5th socket of the address
    await expect(open(b, fx.dqb2.id)).rejects.toThrow("HTTP 429"); // dqb2 holds 2 of its 3
  });

  it("the limits count across instances in Redis, under the deployment's prefix", async () => {
    expect(await redis[0].zcard(`${prefix}conn:account:${fx.dqb1.id}`)).toBe(3);
    expect(await redis[0].zcard(`${prefix}conn:address:127.0.0.1`)).toBe(5);
  });
});
