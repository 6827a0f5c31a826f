/**
 * Crash test of the transactional outbox against the real server: a review transition (退回修改)
 * committed with its notification and planned deliveries, still pending when the server is
 * killed (kill -9) before delivering them; after the restart exactly one e-mail and one 钉钉
 * webhook call (signature verified) arrive.
 * HEGAO_OUTBOX_START_DELAY_MS holds the first server's worker back so the kill lands first.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { notificationDeliveries, robotWebhooks, sections, users } from "@/db/schema";
import { transitionSection } from "@/lib/review/transition-section";
import { setLiveText } from "@/lib/assembly/test-support";
import { startReceiver, startSmtp } from "@/lib/notify/outbox/test-support";
import { startServer } from "../support/server";
import { seededDataDir, withStoppedDb } from "./support";

const SECRET = "SECcrash-test-密钥";

/**
 * A real review transition commits with its notifications: dqb1 submits the section, then —
 * with dqb1's e-mail and a 钉钉 robot of the department configured — the reviewer returns it
 * (退回修改). The return's transaction plans one e-mail (dqb1) and one robot message.
 */
async function commitCause(db: Db, receiverUrl: string): Promise<void> {
  const [dqb1] = await db.select().from(users).where(eq(users.username, "dqb1"));
  const [reviewer] = await db.select().from(users).where(eq(users.username, "reviewer"));
  const section = (await db.select().from(sections)).find((s) => s.title.includes("夯实基层基础"))!;
  await setLiveText(db, section.id, "上半年新发展党员12名，各支部组织生活会全部按时召开。");
  const submitted = await transitionSection(db, { sectionId: section.id, event: "submit", version: section.version, actor: dqb1 });
  await db.update(users).set({ email: "dqb1@example.cn" }).where(eq(users.id, dqb1.id));
  await db.insert(robotWebhooks).values({ vendor: "dingtalk", name: "党群群", url: `${receiverUrl}/dingtalk?access_token=t`, secret: SECRET, departmentId: section.departmentId });
  await transitionSection(db, { sectionId: section.id, event: "request_changes", version: submitted.version, actor: reviewer, comment: "请补充发展党员人数。" });
  expect((await db.select().from(notificationDeliveries)).map((d) => d.channel).sort()).toEqual(["dingtalk", "email"]);
}

test("a delivery committed before kill -9 is sent exactly once after the restart", async () => {
  test.setTimeout(240_000);
  const smtp = await startSmtp();
  const rx = await startReceiver({ secret: SECRET });
  const saved = { SMTP_URL: process.env.SMTP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  try {
    const dataDir = await seededDataDir();
    // 1. The cause commits with its notification and planned deliveries (as a transition does).
    process.env.SMTP_URL = smtp.url;
    process.env.NEXTAUTH_URL = "https://hegao.example.cn";
    await withStoppedDb(dataDir, (db) => commitCause(db, rx.url));
    const env = { SMTP_URL: smtp.url, MAIL_FROM: "合稿 <hegao@example.cn>" };

    // 2. The server starts with the worker held back, and dies by SIGKILL before delivering.
    const first = await startServer({ dataDir, env: { ...env, HEGAO_OUTBOX_START_DELAY_MS: "600000" } });
    expect(first.log()).toContain("outbox worker started");
    await first.kill();
    expect(smtp.mails).toEqual([]);
    expect(rx.attempts()).toBe(0);

    // 3. Restarted: both go out, once.
    const second = await startServer({ dataDir, env });
    try {
      await expect.poll(() => smtp.mails.length + rx.calls.length, { timeout: 30_000 }).toBe(2);
      await new Promise((r) => setTimeout(r, 3000)); // several more worker passes
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toMatchObject({ to: ["dqb1@example.cn"], subject: expect.stringMatching(/^【合稿】《.*夯实基层基础.*》被退回修改$/) });
      expect(smtp.mails[0].text).toMatch(/https:\/\/hegao\.example\.cn\/sections\/[\w-]+/);
      expect(rx.attempts()).toBe(1);
      expect(rx.calls).toHaveLength(1);
      expect(JSON.stringify(rx.calls[0].body)).toContain("请补充发展党员人数。");
    } finally {
      await second.stop();
    }
    const rows = await withStoppedDb(dataDir, (db) => db.select().from(notificationDeliveries));
    expect(rows.map((r) => [r.channel, r.status, r.attempts]).sort()).toEqual([["dingtalk", "sent", 1], ["email", "sent", 1]]);
  } finally {
    Object.assign(process.env, saved);
    if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
    if (saved.NEXTAUTH_URL === undefined) delete process.env.NEXTAUTH_URL;
    await smtp.close();
    await rx.close();
  }
});

test("on PostgreSQL: committed while the server runs, killed before delivery, sent once after restart", async () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  test.skip(!adminUrl, "needs TEST_DATABASE_URL");
  test.setTimeout(240_000);
  const pg = (await import("pg")).default;
  const name = `hegao_crash_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  const smtp = await startSmtp();
  const rx = await startReceiver({ secret: SECRET });
  const saved = { SMTP_URL: process.env.SMTP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  process.env.SMTP_URL = smtp.url;
  process.env.NEXTAUTH_URL = "https://hegao.example.cn";
  const env = { SMTP_URL: smtp.url, DATABASE_URL: url.toString() };
  const handle = await (async () => {
    const first = await startServer({ env: { ...env, HEGAO_OUTBOX_START_DELAY_MS: "600000" } });
    const h = await openDatabase({ databaseUrl: url.toString() });
    await commitCause(h.db, rx.url); // the server is running: its worker waits
    await first.kill();
    return h;
  })();
  try {
    expect(smtp.mails.length + rx.attempts()).toBe(0);
    const second = await startServer({ env });
    try {
      await expect.poll(() => smtp.mails.length + rx.calls.length, { timeout: 30_000 }).toBe(2);
      await new Promise((r) => setTimeout(r, 3000));
      expect([smtp.mails.length, rx.attempts()]).toEqual([1, 1]);
      const rows = await handle.db.select().from(notificationDeliveries);
      expect(rows.map((r) => [r.channel, r.status, r.attempts]).sort()).toEqual([["dingtalk", "sent", 1], ["email", "sent", 1]]);
    } finally {
      await second.stop();
    }
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    Object.assign(process.env, saved);
    if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
    if (saved.NEXTAUTH_URL === undefined) delete process.env.NEXTAUTH_URL;
    await smtp.close();
    await rx.close();
  }
});
