/**
 * The outbox end to end on a real SMTP server and a local webhook receiver: planning in the
 * cause's transaction, the worker's sends, signatures, retries with backoff (fake clock), the
 * cap, leases, and what a user notices: the right people get one Chinese mail with a link.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notificationDeliveries, reports, robotWebhooks, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { sectionByTitle } from "@/lib/review/test-helpers";
import type { NotificationEvent } from "../kinds";
import { notify } from "../notify";
import { claimDue, markSent } from "./claim";
import { startReceiver, startSmtp } from "./test-support";
import { createOutboxWorker } from "./worker";

const ORIGIN = "https://hegao.example.cn";
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const saved = { SMTP_URL: process.env.SMTP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL, MAIL_FROM: process.env.MAIL_FROM };
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  Object.assign(process.env, saved);
});
beforeEach(() => {
  process.env.SMTP_URL = smtp.url;
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.MAIL_FROM = "合稿通知 <hegao@example.cn>";
  smtp.mails.length = 0;
});

describe.each(testDbTargets())("notification outbox on $name", (target) => {
  let h: DbHandle;
  const ids: Record<string, string> = {};
  let reportId = "";
  let sectionId = "";
  let deptId = "";
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    for (const u of await h.db.select().from(users)) ids[u.username] = u.id;
    const s = await sectionByTitle(h.db, "夯实基层基础");
    [reportId, sectionId, deptId] = [s.reportId, s.id, s.departmentId!];
    await h.db.update(users).set({ email: "dqb1@example.cn" }).where(eq(users.username, "dqb1"));
    await h.db.update(users).set({ email: "dqb2@example.cn" }).where(eq(users.username, "dqb2"));
    await h.db.update(users).set({ email: "jjs1@example.cn", emailMode: "digest" }).where(eq(users.username, "jjs1"));
    await h.db.update(users).set({ email: "gh1@example.cn", notificationPrefs: { mention: { email: false } } }).where(eq(users.username, "gh1"));
  });
  afterAll(() => h?.close());
  afterEach(async () => {
    await h.db.delete(notificationDeliveries);
    await h.db.delete(robotWebhooks);
  });

  const event = (o: Partial<NotificationEvent> & { userIds: string[] }): NotificationEvent => ({
    kind: "mention", reportId, sectionId, actorId: ids.reviewer, title: "郭书记在《夯实基层基础》中@了您", body: "请补充发展党员的具体人数。", ...o,
  });
  const send = (e: NotificationEvent) => h.db.transaction((tx) => notify(tx, e));

  it("mails the people who want it now: Chinese subject, the body and an absolute link to the section", async () => {
    await send(event({ userIds: [ids.dqb1, ids.dqb2, ids.jjs1, ids.gh1, ids.dwb1] }));
    const worker = createOutboxWorker({ db: h.db, log: () => {} });
    expect(await worker.runOnce()).toEqual({ sent: 2, failed: 0 });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(["dqb1@example.cn", "dqb2@example.cn"]);
    const mail = smtp.mails.find((m) => m.to[0] === "dqb1@example.cn")!;
    expect(mail.subject).toBe("【合稿】郭书记在《夯实基层基础》中@了您");
    expect(mail.text).toContain("李明，您好");
    expect(mail.text).toContain("请补充发展党员的具体人数。");
    expect(mail.text).toContain(`${ORIGIN}/sections/${sectionId}`);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
    const rows = await h.db.select().from(notificationDeliveries);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["sent", 1], ["sent", 1]]);
  });

  it("plans no e-mail while SMTP_URL is unset, and nothing for a notification deduplicated away", async () => {
    delete process.env.SMTP_URL;
    await send(event({ userIds: [ids.dqb1] }));
    expect(await h.db.select().from(notificationDeliveries)).toEqual([]);
    process.env.SMTP_URL = smtp.url;
    await send(event({ userIds: [ids.dqb2], dedupeKey: "due:x" }));
    await send(event({ userIds: [ids.dqb2], dedupeKey: "due:x" }));
    expect(await h.db.select().from(notificationDeliveries)).toHaveLength(1);
  });

  it("posts to the robots whose scope matches, signed as 钉钉 and 飞书 document it", async () => {
    const rx = await startReceiver({ secret: "SECtest密钥" });
    try {
      const [thisReport] = await h.db.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId));
      const otherDept = (await h.db.select({ id: users.departmentId }).from(users).where(eq(users.username, "jjs1")))[0].id;
      await h.db.insert(robotWebhooks).values([
        { vendor: "wecom", name: "全局群", url: `${rx.url}/wecom?key=k` },
        { vendor: "dingtalk", name: "党群群", url: `${rx.url}/dingtalk?access_token=t`, secret: "SECtest密钥", departmentId: deptId },
        { vendor: "feishu", name: "本总结群", url: `${rx.url}/feishu/hook`, secret: "SECtest密钥", reportId: thisReport.id },
        { vendor: "wecom", name: "纪检群", url: `${rx.url}/wecom?key=other`, departmentId: otherDept },
        { vendor: "wecom", name: "停用群", url: `${rx.url}/wecom?key=off`, enabled: false },
      ]);
      await send(event({ kind: "section_returned", userIds: [ids.dqb1, ids.dqb2], title: "《夯实基层基础》被退回修改" }));
      const worker = createOutboxWorker({ db: h.db, log: () => {} });
      const result = await worker.runOnce();
      expect(rx.calls.map((c) => `${c.path}?${c.query.get("key") ?? ""}`).sort()).toEqual(["/dingtalk?", "/feishu/hook?", "/wecom?k"]);
      expect(result).toEqual({ sent: 5, failed: 0 }); // 3 robots + 2 mails
      const wecom = rx.calls.find((c) => c.path === "/wecom")!.body as { markdown: { content: string } };
      expect(wecom.markdown.content).toContain("《夯实基层基础》被退回修改");
      expect(wecom.markdown.content).toMatch(/通知：.*李明/);
      expect(wecom.markdown.content).toMatch(/通知：.*王芳/);
      expect(wecom.markdown.content).toContain(`(${ORIGIN}/sections/${sectionId})`);
      const feishu = rx.calls.find((c) => c.path === "/feishu/hook")!.body;
      expect(JSON.stringify(feishu)).toContain(`${ORIGIN}/sections/${sectionId}`);
    } finally {
      await rx.close();
    }
  });

  it("treats a 200 with a vendor error code as a failure, and keeps the error for the admin", async () => {
    const rx = await startReceiver({ secret: "right" });
    try {
      await h.db.insert(robotWebhooks).values({ vendor: "dingtalk", name: "签名错", url: `${rx.url}/dingtalk?access_token=t`, secret: "wrong" });
      await send(event({ userIds: [ids.dwb1] }));
      expect(await createOutboxWorker({ db: h.db, log: () => {} }).runOnce()).toEqual({ sent: 0, failed: 1 });
      const [row] = await h.db.select().from(notificationDeliveries);
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row.lastError).toContain("310000");
    } finally {
      await rx.close();
    }
  });

  it("retries a receiver that fails 3 times with backoff and delivers exactly once", async () => {
    const rx = await startReceiver({ secret: "s", failFirst: 3 });
    try {
      await h.db.insert(robotWebhooks).values({ vendor: "wecom", name: "忙碌群", url: `${rx.url}/wecom?key=busy` });
      await send(event({ userIds: [ids.dwb1] }));
      let t = Date.now() + 1000;
      const worker = createOutboxWorker({ db: h.db, now: () => new Date(t), log: () => {} });
      const at = async (ms: number) => { t += ms; return worker.runOnce(); };
      expect(await at(0)).toEqual({ sent: 0, failed: 1 }); // next try after 10 s
      expect(await at(9_000)).toEqual({ sent: 0, failed: 0 });
      expect(await at(1_000)).toEqual({ sent: 0, failed: 1 }); // then 20 s
      expect(await at(19_000)).toEqual({ sent: 0, failed: 0 });
      expect(await at(1_000)).toEqual({ sent: 0, failed: 1 }); // then 40 s
      expect(await at(40_000)).toEqual({ sent: 1, failed: 0 });
      expect(await at(3_600_000)).toEqual({ sent: 0, failed: 0 });
      expect(rx.attempts()).toBe(4);
      expect(rx.calls).toHaveLength(1);
      const [row] = await h.db.select().from(notificationDeliveries);
      expect(row).toMatchObject({ status: "sent", attempts: 4, lastError: null });
    } finally {
      await rx.close();
    }
  });

  it("gives up after the cap of attempts: status failed", async () => {
    const rx = await startReceiver({ secret: "s", failFirst: 100 });
    try {
      await h.db.insert(robotWebhooks).values({ vendor: "wecom", name: "坏群", url: `${rx.url}/wecom?key=down` });
      await send(event({ userIds: [ids.dwb1] }));
      let t = Date.now();
      const worker = createOutboxWorker({ db: h.db, now: () => new Date(t), log: () => {}, maxAttempts: 3 });
      for (let i = 0; i < 5; i++) {
        await worker.runOnce();
        t += 3_600_000;
      }
      expect(rx.attempts()).toBe(3);
      const [row] = await h.db.select().from(notificationDeliveries);
      expect(row).toMatchObject({ status: "failed", attempts: 3 });
      expect(row.lastError).toContain("HTTP 500");
    } finally {
      await rx.close();
    }
  });

  it("leases a claimed row: no second claim until the lease expires, and a lost lease cannot mark it sent", async () => {
    await send(event({ userIds: [ids.dqb1] }));
    const t0 = new Date(Date.now() + 1000);
    const [claimed] = await claimDue(h.db, { now: t0, leaseMs: 60_000, limit: 10 });
    expect(claimed).toBeDefined();
    expect(await claimDue(h.db, { now: new Date(t0.getTime() + 59_000), leaseMs: 60_000, limit: 10 })).toEqual([]);
    const [again] = await claimDue(h.db, { now: new Date(t0.getTime() + 61_000), leaseMs: 60_000, limit: 10 });
    expect(again?.id).toBe(claimed.id);
    expect(await markSent(h.db, claimed, t0)).toBe(false);
    expect(await markSent(h.db, again, t0)).toBe(true);
    const rows = await h.db.select().from(notificationDeliveries).where(inArray(notificationDeliveries.id, [claimed.id]));
    expect(rows[0].status).toBe("sent");
  });
});
