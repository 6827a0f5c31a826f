/**
 * Bad input: a mail server and a webhook that accept connections and never answer. The worker
 * is stuck sending to them, yet a transition and a notifying transaction answer in their usual
 * time; the delivery fails after its timeout and waits for a retry.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notificationDeliveries, robotWebhooks, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { submitSection } from "@/lib/review/commands";
import { principal, sectionByTitle, writeText } from "@/lib/review/test-helpers";
import { notify } from "../notify";
import { createOutboxWorker } from "./worker";

/** A TCP server that accepts and stays silent (no SMTP greeting, no HTTP answer). */
async function blackHole(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, close: () => { sockets.forEach((s) => s.destroy()); server.close(); } };
}

const saved = { ...process.env };
let hole: Awaited<ReturnType<typeof blackHole>>;
beforeAll(async () => {
  hole = await blackHole();
  process.env.SMTP_URL = `smtp://127.0.0.1:${hole.port}`;
  process.env.HEGAO_SMTP_TIMEOUT_MS = "1500";
  process.env.HEGAO_WEBHOOK_TIMEOUT_MS = "1500";
});
afterAll(() => {
  hole.close();
  for (const k of ["SMTP_URL", "HEGAO_SMTP_TIMEOUT_MS", "HEGAO_WEBHOOK_TIMEOUT_MS"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe.each(testDbTargets())("unreachable mail server and webhook on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("never slows a transition; the delivery times out in the background and is retried later", async () => {
    const db = h.db;
    await db.update(users).set({ email: "dqb1@example.cn" }).where(eq(users.username, "dqb1"));
    await db.insert(robotWebhooks).values({ vendor: "wecom", name: "失联群", url: `http://127.0.0.1:${hole.port}/wecom` });
    const s = await sectionByTitle(db, "夯实基层基础");
    const reviewer = await principal(db, "reviewer");
    const dqb1 = await principal(db, "dqb1");
    const event = { kind: "mention" as const, reportId: s.reportId, sectionId: s.id, actorId: reviewer.id, userIds: [dqb1.id], title: "请补充" };
    await db.transaction((tx) => notify(tx, event));
    const worker = createOutboxWorker({ db, pollMs: 50, log: () => {} });
    worker.start();
    try {
      await new Promise((r) => setTimeout(r, 200)); // the worker is now waiting on the silent servers
      let t0 = performance.now();
      await db.transaction((tx) => notify(tx, { ...event, title: "又一条" }));
      await writeText(db, s.id, "上半年发展党员5名。");
      await submitSection(db, { sectionId: s.id, version: s.version, actor: dqb1 });
      const elapsed = performance.now() - t0;
      expect(elapsed).toBeLessThan(1000);
      t0 = performance.now();
      for (;;) {
        const rows = await db.select().from(notificationDeliveries);
        if (rows.filter((r) => r.attempts >= 1).length >= 2) break;
        if (performance.now() - t0 > 15_000) throw new Error(`no failed attempt recorded: ${JSON.stringify(rows)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.stop();
    }
    const rows = await db.select().from(notificationDeliveries);
    const first = rows.filter((r) => r.attempts >= 1);
    expect(first.every((r) => r.status === "pending" && r.nextAttemptAt.getTime() > Date.now())).toBe(true);
    expect(first.map((r) => r.lastError).join("\n")).toMatch(/(Timeout|timeout|无应答|超时)/);
  }, 30_000);
});
