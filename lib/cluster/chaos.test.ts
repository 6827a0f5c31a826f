/**
 * Chaos test of scale-out (issue 15): three real instance processes (chaos-instance.ts) on one
 * PostgreSQL database and a PRIVATE redis-server started here on its own port (the shared
 * Redis is never touched). 60 clients spread over the instances type unique tokens into 10
 * sections; mid-run one instance is killed with SIGKILL (its clients reconnect through the
 * others) and Redis is killed and restarted. Then every token any instance acknowledged is in
 * the database and in every surviving instance's copy, and the instances' state vectors equal
 * the database's, and every instance's presence is exactly the live clients. Runs when PostgreSQL and redis-server are available.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, isNull } from "drizzle-orm";
import * as Y from "yjs";
import { openDatabase, type DbHandle } from "@/db/client";
import { departments, reports, sections, users } from "@/db/schema";
import { docToContent } from "@/lib/collab/content";
import { loadSectionDoc } from "@/lib/collab/section-doc";
import { seedDemo } from "@/lib/demo/seed-demo";
import { freePort } from "@/bench/proc";
import { adminSql, spawnReady } from "./test-processes";
import { answers, CLUSTER_PG_URL, TestClient } from "./test-client";

const SECRET = "chaos-secret-0123456789abcdef";
const REDIS_SERVER = "/usr/bin/redis-server";
const available = existsSync(REDIS_SERVER) && (await answers(CLUSTER_PG_URL));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spawns `cmd` and resolves once its output contains `ready` (rejects when it exits first). */

/** One typist: its socket moves to another instance when its instance dies. */
class Typist {
  client!: TestClient;
  /** Tokens acknowledged (message 101) by some instance. */
  readonly acked: string[] = [];
  private pending: [number, string][] = [];
  private n = 0;
  /** Connections opened (1 + reconnects). */
  connects = 0;
  constructor(readonly index: number, readonly userId: string, readonly sectionId: string) {}

  async connect(origin: string): Promise<void> {
    this.client = await TestClient.open(origin, SECRET, this.userId, this.sectionId);
    this.client.announce(); // presence under the new connection's client id
    this.connects++;
    this.pending = [];
  }

  type(): void {
    if (this.client.closeCode !== null) return;
    const token = `c${this.index}t${++this.n}x`;
    this.client.type(token);
    this.pending.push([this.client.sent, token]);
  }

  /** Moves acknowledged tokens from pending to acked. */
  collect(): void {
    const saved = this.client.saved;
    while (this.pending.length && this.pending[0][0] <= saved) this.acked.push(this.pending.shift()![1]);
  }
}

describe.skipIf(!available)("chaos: three instances, 60 clients, kill -9 and a Redis restart", () => {
  const dbName = `hegao_chaos_${randomBytes(5).toString("hex")}`;
  const logs: string[] = [];
  let handle: DbHandle;
  let databaseUrl: string;
  let redisPort: number;
  let redis: ChildProcess | null = null;
  const instances: { port: number; child: ChildProcess | null }[] = [];

  const startRedis = async () => {
    redis = await spawnReady(REDIS_SERVER, ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], process.env, /Ready to accept/, logs);
  };
  const startInstance = async (port: number) =>
    spawnReady(process.execPath, ["--import", "tsx", "lib/cluster/chaos-instance.ts"], {
      ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      HEGAO_REDIS_PREFIX: "chaos:", NEXTAUTH_SECRET: SECRET,
    }, /^ready/m, logs);

  beforeAll(async () => {
    await adminSql(`CREATE DATABASE ${dbName}`);
    const url = new URL(CLUSTER_PG_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    handle = await openDatabase({ databaseUrl });
    await seedDemo(handle.db);
    redisPort = await freePort();
    await startRedis();
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      instances.push({ port, child: await startInstance(port) });
    }
  }, 90_000);

  afterAll(async () => {
    for (const i of instances) i.child?.kill("SIGKILL");
    redis?.kill("SIGKILL");
    await handle?.close();
    await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  });

  it("loses no acknowledged token and ends with the same document everywhere", async () => {
    // 10 of the report's sections, each with a department (headings get the office), and
    // each department's editors.
    const [report] = await handle.db.select().from(reports);
    const [office] = await handle.db.select().from(departments).where(eq(departments.name, "党委办公室"));
    await handle.db.update(sections).set({ departmentId: office.id }).where(isNull(sections.departmentId));
    const secs = (await handle.db.select().from(sections).where(eq(sections.reportId, report.id))).slice(0, 10);
    expect(secs.length).toBe(10);
    const editors = await handle.db.select().from(users).where(inArray(users.departmentId, secs.map((s) => s.departmentId!)));
    const writers = (deptId: string) => editors.filter((u) => u.departmentId === deptId && u.role === "editor");
    const typists = Array.from({ length: 60 }, (_, i) => {
      const s = secs[i % 10];
      const w = writers(s.departmentId!);
      return new Typist(i, w[i % w.length].id, s.id);
    });
    const origin = (k: number) => `http://127.0.0.1:${instances[k].port}`;
    await Promise.all(typists.map((t) => t.connect(origin(t.index % 3))));

    let typing = true;
    const loop = (async () => {
      while (typing) {
        for (const t of typists) t.type();
        typists.forEach((t) => t.collect());
        await sleep(150);
      }
    })();
    const reconnector = setInterval(() => {
      for (const t of typists) {
        if (t.client.closeCode === null || (t as { moving?: boolean }).moving) continue;
        (t as { moving?: boolean }).moving = true;
        t.collect();
        const alive = instances.map((x, k) => [x, k] as const).filter(([x]) => x.child);
        const [, k] = alive[t.index % alive.length];
        void t.connect(origin(k)).finally(() => ((t as { moving?: boolean }).moving = false));
      }
    }, 100);

    await sleep(3000);
    instances[2].child!.kill("SIGKILL"); // its clients reconnect through the others
    instances[2].child = null;
    await sleep(3000);
    redis!.kill("SIGKILL");
    await sleep(500);
    await startRedis();
    await sleep(4000);
    typing = false;
    await loop;

    // Every live socket's writes acknowledged, then time for fan-out and repair.
    const deadline = Date.now() + 15_000;
    while (typists.some((t) => t.client.closeCode === null && t.client.saved < t.client.sent) && Date.now() < deadline) await sleep(100);
    typists.forEach((t) => t.collect());
    clearInterval(reconnector);
    await sleep(4000); // fan-out, repair (checked every 1 s) and presence renewal (every 3 s)

    const acked = typists.flatMap((t) => t.acked.map((tok) => [t.sectionId, tok] as const));
    expect(acked.length).toBeGreaterThan(1000);
    // The chaos happened: the killed instance's 20 clients moved, the survivors re-read after Redis came back.
    expect(typists.filter((t) => t.connects > 1).length).toBeGreaterThanOrEqual(20);
    expect(logs.join("").match(/Redis reconnected: re-reading/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    for (const s of secs) {
      const stored = await loadSectionDoc(handle.db, s.id);
      const storedText = docToContent(stored).text;
      const mine = acked.filter(([id]) => id === s.id).map(([, tok]) => tok);
      expect(mine.length).toBeGreaterThan(50);
      expect(mine.filter((tok) => !storedText.includes(tok)), `section ${s.title}: acknowledged tokens missing in the database`).toEqual([]);
      const sv = [...Y.decodeStateVector(Y.encodeStateVector(stored))].sort();
      for (const inst of instances.filter((x) => x.child)) {
        const res = await fetch(`http://127.0.0.1:${inst.port}/room/${s.id}`);
        expect(res.status, `instance ${inst.port} has section ${s.title} loaded`).toBe(200);
        const copy = (await res.json()) as { sv: string; text: string; presence: number[] };
        expect(mine.filter((tok) => !copy.text.includes(tok)), `instance ${inst.port}, ${s.title}: tokens missing`).toEqual([]);
        expect([...Y.decodeStateVector(new Uint8Array(Buffer.from(copy.sv, "base64")))].sort(), `instance ${inst.port}, ${s.title}: state vector`).toEqual(sv);
        // Presence: exactly the section's live clients, wherever they are; none of the killed
        // instance's old connections.
        const live = typists.filter((t) => t.sectionId === s.id && t.client.closeCode === null).map((t) => t.client.doc.clientID).sort();
        expect([...copy.presence].sort(), `instance ${inst.port}, ${s.title}: presence`).toEqual(live);
      }
    }
    typists.forEach((t) => t.client.close());
  }, 120_000);
});
