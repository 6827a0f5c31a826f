/**
 * Live authorisation across instance PROCESSES: an editor connected to two instances
 * (chaos-instance.ts, real processes on PostgreSQL and a private redis-server) is disabled by an
 * admin command run in a third process (this one, in cluster mode like any instance) and loses
 * write on every instance within 1 s; a colleague of the same section keeps writing.
 * Runs when PostgreSQL and redis-server are available.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { openDatabase, type DbHandle } from "@/db/client";
import { sections, users } from "@/db/schema";
import { updateUser } from "@/lib/accounts/users";
import { seedDemo } from "@/lib/demo/seed-demo";
import { principal } from "@/lib/review/test-helpers";
import { startCluster } from "./start";
import { freePort } from "@/bench/proc";
import { adminSql, spawnReady } from "./test-processes";
import { answers, CLUSTER_PG_URL, TestClient } from "./test-client";

const SECRET = "access-secret-0123456789abcdef";
const REDIS_SERVER = "/usr/bin/redis-server";
const available = existsSync(REDIS_SERVER) && (await answers(CLUSTER_PG_URL));

describe.skipIf(!available)("access changes across instance processes", () => {
  const dbName = `hegao_acc_${randomBytes(5).toString("hex")}`;
  let handle: DbHandle;
  let redisUrl: string;
  let redisPort: number;
  let redis: ChildProcess;
  const startRedis = async () => {
    redis = await spawnReady(REDIS_SERVER, ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], process.env, /Ready to accept/);
  };
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  let cluster: ReturnType<typeof startCluster> | undefined;

  beforeAll(async () => {
    await adminSql(`CREATE DATABASE ${dbName}`);
    const url = new URL(CLUSTER_PG_URL);
    url.pathname = `/${dbName}`;
    handle = await openDatabase({ databaseUrl: url.toString() });
    await seedDemo(handle.db);
    redisPort = await freePort();
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    await startRedis();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      children.push(await spawnReady(process.execPath, ["--import", "tsx", "lib/cluster/chaos-instance.ts"], {
        ...process.env, PORT: String(port), DATABASE_URL: url.toString(), REDIS_URL: redisUrl, HEGAO_REDIS_PREFIX: "acc:", NEXTAUTH_SECRET: SECRET,
      }, /^ready/m));
    }
    cluster = startCluster({ redisUrl, db: async () => handle.db, log: () => {}, timings: { prefix: "acc:" } });
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
    children.forEach((c) => c.kill("SIGKILL"));
    redis?.kill("SIGKILL");
    await handle?.close();
    await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  });

  it("a disabled editor loses write on every instance within 1 s; the others keep writing", async () => {
    const [section] = await handle.db.select().from(sections).where(and(like(sections.title, "夯实基层基础%")));
    const id = async (username: string) => (await handle.db.select().from(users).where(eq(users.username, username)))[0].id;
    const dqb1 = await id("dqb1");
    const dqb2 = await id("dqb2");
    const origin = (p: number) => `http://127.0.0.1:${p}`;
    const victims = await Promise.all(ports.map((p) => TestClient.open(origin(p), SECRET, dqb2, section.id)));
    const colleague = await TestClient.open(origin(ports[1]), SECRET, dqb1, section.id);
    expect(victims.every((v) => v.states.at(-1)?.writable)).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // the instances' subscriptions are in place

    const t0 = Date.now();
    await updateUser(handle.db, { userId: dqb2, disabled: true }, await principal(handle.db, "admin"));
    const deadline = t0 + 1000;
    while (victims.some((v) => v.closeCode !== 4403) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(victims.map((v) => v.closeCode)).toEqual([4403, 4403]);
    expect(Date.now() - t0).toBeLessThan(1000);

    colleague.type("同事继续写入C1");
    const count = colleague.sent;
    const until = Date.now() + 2000;
    while (colleague.saved < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(colleague.saved).toBe(count);
    colleague.close();
  }, 60_000);

  it("an access change published while Redis was unreachable is applied once it is back (every connection re-decided)", async () => {
    const [section] = await handle.db.select().from(sections).where(and(like(sections.title, "夯实基层基础%")));
    const [row] = await handle.db.select().from(users).where(eq(users.username, "dqb1"));
    const victims = await Promise.all(ports.map((p) => TestClient.open(`http://127.0.0.1:${p}`, SECRET, row.id, section.id)));
    await cluster!.stop(); // from now on the change reaches no instance through Redis…
    cluster = undefined;
    await updateUser(handle.db, { userId: row.id, disabled: true }, await principal(handle.db, "admin"));
    await new Promise((r) => setTimeout(r, 500));
    expect(victims.map((v) => v.closeCode)).toEqual([null, null]);
    redis.kill("SIGKILL"); // …and Redis goes away and comes back
    await new Promise((r) => setTimeout(r, 300));
    await startRedis();
    const deadline = Date.now() + 5000;
    while (victims.some((v) => v.closeCode !== 4403) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(victims.map((v) => v.closeCode)).toEqual([4403, 4403]);
  }, 60_000);
});
