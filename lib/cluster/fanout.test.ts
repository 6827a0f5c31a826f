/**
 * Two collaboration instances in one process sharing one PostgreSQL database and one Redis
 * (a private channel prefix per run): what one instance's clients do reaches the other's, a
 * lost Redis message is repaired from PostgreSQL, presence crosses (and the awareness guard
 * holds across instances), a dead instance's clients leave presence, a hold flushes the
 * other instance. Skipped when PostgreSQL or Redis does not answer.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { openDatabase, type DbHandle } from "@/db/client";
import { sectionUpdates, sectionVersions } from "@/db/schema";
import { submitSection } from "@/lib/review/commands";
import { principal, reload } from "@/lib/review/test-helpers";
import { docFromUpdates, docToContent } from "@/lib/collab/content";
import { seedDemo } from "@/lib/demo/seed-demo";
import { readLogAfter, readMaxIds } from "@/lib/collab/server/fanout/log-reads";
import { RedisFanout } from "@/lib/collab/server/fanout/redis";
import { demoFixture, startCollabTestServer, waitFor, type CollabTestServer } from "@/lib/collab/server/test-helpers";
import { adminSql } from "./test-processes";
import { answers, CLUSTER_PG_URL, CLUSTER_REDIS_URL, TestClient } from "./test-client";

const SECRET = "test-secret-0123456789abcdef";
const available = (await answers(CLUSTER_PG_URL)) && (await answers(CLUSTER_REDIS_URL));

interface Instance {
  server: CollabTestServer;
  fanout: RedisFanout;
  /** While it returns true for a message, the instance's publish drops it (a lost message). */
  drop: (msg: { t: string }) => boolean;
  redis: Redis[];
  /** What its fan-out logged. */
  logs: string[];
}

describe.skipIf(!available)("two instances through Redis", () => {
  const dbName = `hegao_t_${randomBytes(6).toString("hex")}`;
  const prefix = `hegao-test-${randomBytes(4).toString("hex")}:`;
  let handle: DbHandle;
  let dbUrl = "";
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  let a: Instance;
  let b: Instance;
  const clients: TestClient[] = [];

  async function instance(): Promise<Instance> {
    const pub = new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true });
    const sub = new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true });
    const inst = { drop: () => false, redis: [pub, sub], logs: [] } as unknown as Instance;
    const publish = pub.publish.bind(pub);
    pub.publish = ((channel: string, text: string) =>
      inst.drop(JSON.parse(text)) ? Promise.resolve(1) : publish(channel, text)) as typeof pub.publish;
    inst.fanout = new RedisFanout({
      pub, sub, prefix, graceMs: 100, checkMs: 400, heartbeatMs: 200, deadAfterMs: 1000, holdTimeoutMs: 2000, adoptAfterMs: 800,
      readAfter: (id, after) => readLogAfter(handle.db, id, after),
      maxIds: (ids) => readMaxIds(handle.db, ids),
      log: (m, e) => {
        inst.logs.push(m);
        console.log("[fanout]", m, e instanceof Error ? e.message : (e ?? ""));
      },
    });
    inst.server = await startCollabTestServer(handle.db, SECRET, { unloadAfterMs: 60_000, fanout: inst.fanout });
    return inst;
  }
  const open = async (inst: Instance, userId: string) => {
    const c = await TestClient.open(inst.server.origin, SECRET, userId, fx.section.id);
    clients.push(c);
    return c;
  };
  const stored = async () =>
    docToContent(docFromUpdates((await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, fx.section.id))).map((r) => r.update))).text;

  beforeAll(async () => {
    await adminSql(`CREATE DATABASE ${dbName}`);
    const url = new URL(CLUSTER_PG_URL);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    handle = await openDatabase({ databaseUrl: dbUrl });
    await seedDemo(handle.db);
    fx = await demoFixture(handle.db);
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    for (const i of [a, b]) {
      await i?.server.close();
      await i?.fanout.close();
    }
    await handle?.close();
    await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it("an edit on A reaches a client on B at once, and is stored", async () => {
    const onA = await open(a, fx.dqb1.id);
    const onB = await open(b, fx.dqb2.id);
    onA.type("甲实例写入的令牌T1");
    await waitFor(2000, () => onB.text.includes("令牌T1"), "B's client sees A's edit");
    await waitFor(2000, () => onA.saved === onA.sent, "A acknowledged");
    expect(await stored()).toContain("令牌T1");
    onB.type("乙实例写入的令牌T2");
    await waitFor(2000, () => onA.text.includes("令牌T2"), "A's client sees B's edit");
  });

  it("an edit on A is shown on B before A has committed it", async () => {
    const onA = clients[0];
    const onB = clients[1];
    // Another session holds the log table: A's commit waits, the edit travels anyway.
    const pg = (await import("pg")).default;
    const blocker = new pg.Client({ connectionString: dbUrl });
    await blocker.connect();
    try {
      await blocker.query("BEGIN; LOCK TABLE section_updates IN EXCLUSIVE MODE");
      onA.type("提交之前已可见E1");
      await waitFor(2000, () => onB.text.includes("提交之前已可见E1"), "B's client sees the edit before its commit");
      expect(onA.saved).toBeLessThan(onA.sent); // not yet acknowledged: not committed
      await blocker.query("COMMIT");
      await waitFor(3000, () => onA.saved === onA.sent, "A acknowledged after the commit");
      expect(await stored()).toContain("提交之前已可见E1");
    } finally {
      await blocker.end();
    }
  });

  it("an edit A showed but whose commit B never heard of is stored by B", async () => {
    const onA = clients[0];
    const onB = clients[1];
    const rowsWith = async (text: string) =>
      (await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, fx.section.id)))
        .filter((r) => Buffer.from(r.update).includes(Buffer.from(text))).length;
    a.drop = (m) => m.t === "u"; // A's commits never reach B (lost, or A died after showing it)
    b.logs.length = 0;
    onA.type("只见编辑未见提交P1");
    await waitFor(2000, () => onB.text.includes("只见编辑未见提交P1"), "B shows A's edit");
    await waitFor(3000, () => b.logs.some((m) => m.includes("storing 1 edit(s) of another instance")), "B stores the unconfirmed edit");
    a.drop = () => false;
    await waitFor(3000, async () => (await rowsWith("只见编辑未见提交P1")) >= 2, "stored by A and by B");
    expect(await stored()).toContain("只见编辑未见提交P1");
  });

  it("a lost Redis message is repaired from PostgreSQL: by the next message's gap, and by the periodic check", async () => {
    const onA = clients[0];
    const onB = clients[1];
    a.drop = (m) => m.t === "u" || m.t === "e";

    onA.type("丢失的消息L1");
    await waitFor(2000, () => onA.saved === onA.sent, "L1 acknowledged (committed) on A");
    a.drop = () => false;
    onA.type("随后的消息L2");
    await waitFor(3000, () => onB.text.includes("丢失的消息L1") && onB.text.includes("随后的消息L2"), "B repaired L1 after the gap");
    // The LAST message is lost: nothing follows it; the periodic check finds the row.
    a.drop = (m) => m.t === "u" || m.t === "e";
    onA.type("最后的消息L3");
    await waitFor(2000, () => onA.saved === onA.sent, "L3 acknowledged on A");
    a.drop = () => false;
    await waitFor(3000, () => onB.text.includes("最后的消息L3"), "B repaired L3 by the periodic check");
    expect(onB.text).toBe(onA.text);
  });

  it("presence crosses instances under the account's own name; another account cannot take a client id on another instance", async () => {
    const onA = clients[0];
    const onB = clients[1];
    onA.announce();
    await waitFor(2000, () => (onB.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === fx.dqb1.name, "B sees A's presence as 李明");
    // A reviewer's client on B claims dqb1's client id: dropped, A's clients keep seeing dqb1.
    const intruder = await open(b, fx.reviewer.id);
    intruder.announce(onA.doc.clientID);
    onB.announce();
    await waitFor(2000, () => onA.awareness.getStates().has(onB.doc.clientID), "A sees B's presence");
    const seenOnA = onA.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string } } | undefined;
    expect(seenOnA?.user?.name ?? fx.dqb1.name).toBe(fx.dqb1.name);
    const seenOnB = onB.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string } };
    expect(seenOnB.user?.name).toBe(fx.dqb1.name);
  });

  it("a hold on A flushes B's room first: an edit on B just before it is in the database", async () => {
    const onB = clients[1];
    onB.type("提交前乙实例的编辑H1");
    await waitFor(1000, () => onB.sent > 0 && a.server.collab.rooms.get(fx.section.id)!.doc !== undefined, "sent");
    await new Promise((r) => setTimeout(r, 5)); // reached B, not yet saved (30 ms batching)
    const release = await a.fanout.holdOthers(fx.section.id);
    expect(await stored()).toContain("提交前乙实例的编辑H1");
    release();
  });

  it("submit on one instance freezes every edit acknowledged on the other before it answered", async () => {
    // In this process the bus's hold is the one B registered last (as in B's own process), so
    // the submit runs "on B" and the edit is typed on A.
    const onA = clients[0];
    const onB = clients[1];
    onB.replace("上半年发展党员5名。");
    await waitFor(2000, () => onB.saved === onB.sent && onA.text === onB.text, "clean text everywhere");
    onA.type("提交瞬间甲实例的编辑S1");
    const count = onA.sent;
    await new Promise((r) => setTimeout(r, 5)); // on A, inside its 30 ms batching window
    const s = await reload(handle.db, fx.section.id);
    await submitSection(handle.db, { sectionId: s.id, version: s.version, actor: await principal(handle.db, "dqb2") });
    const [frozen] = await handle.db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, fx.section.id)).orderBy(desc(sectionVersions.createdAt)).limit(1);
    await waitFor(2000, () => onA.saved >= count || onA.states.at(-1)?.writable === false, "A settled");
    expect(onA.saved).toBeGreaterThanOrEqual(count); // it was acknowledged (flushed by the hold)…
    expect(frozen.text).toContain("提交瞬间甲实例的编辑S1"); // …so it is in the frozen version
  });

  it("a dead instance's clients leave presence on the others within the dead-after time", async () => {
    const onA = clients[0];
    const onB = clients[1];
    await waitFor(2000, () => onA.awareness.getStates().has(onB.doc.clientID), "A sees B's client");
    // B goes silent without a goodbye (as after kill -9): its Redis connections just stop.
    b.redis.forEach((r) => r.disconnect());
    const t0 = Date.now();
    await waitFor(4000, () => !onA.awareness.getStates().has(onB.doc.clientID), "B's client left A's presence");
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it("an access change on A reaches B's instance through Redis within 1 s, and B's editor loses write", async () => {
    const onB = clients[1];
    const heard: unknown[] = [];
    const { startCluster } = await import("./start");
    // Instance A's relays are the process-wide ones (as in server.ts); a third listener stands
    // for another process and must hear the change through Redis alone.
    const relayA = startCluster({ redisUrl: CLUSTER_REDIS_URL, db: async () => handle.db, log: () => {}, timings: { prefix } });
    const other = new RedisFanout({
      pub: new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true }), sub: new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true }),
      prefix, readAfter: async () => ({ updates: [], maxId: 0 }), maxIds: async () => new Map(), log: () => {},
      onControl: (m) => void heard.push(m),
    });
    try {
      await new Promise((r) => setTimeout(r, 100)); // subscribed
      const t0 = Date.now();
      const { publishAccessChange } = await import("@/lib/collab/bus");
      const { users } = await import("@/db/schema");
      await handle.db.update(users).set({ disabled: true }).where(eq(users.id, fx.dqb2.id));
      publishAccessChange({ userIds: [fx.dqb2.id] });
      await waitFor(1000, () => heard.some((m) => (m as { t: string; k?: string }).k === "access"), "the other instance heard the access change");
      await waitFor(1000, () => onB.closeCode === 4403 || onB.states.at(-1)?.writable === false, "B's editor lost write");
      expect(Date.now() - t0).toBeLessThan(1000);
    } finally {
      await relayA.stop();
      await other.close();
    }
  });
});
