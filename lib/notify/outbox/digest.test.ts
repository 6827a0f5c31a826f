/**
 * Daily digest on a real SMTP server: one mail per digest account at HEGAO_DIGEST_AT
 * (Asia/Shanghai) listing what arrived since the previous digest; a restart on the same day
 * sends nothing more; a digest missed while the server was down goes out at start.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notifications, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { notify } from "../notify";
import { digestSlot } from "./digest";
import { startSmtp } from "./test-support";
import { createOutboxWorker } from "./worker";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const saved = { SMTP_URL: process.env.SMTP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.NEXTAUTH_URL = "https://hegao.example.cn";
});
afterAll(async () => {
  await smtp.close();
  Object.assign(process.env, saved);
});

describe("digestSlot", () => {
  it("is the latest HH:MM in Shanghai not after now, dated in Shanghai", () => {
    expect(digestSlot(new Date("2026-11-30T01:00:00Z"), "09:00")).toEqual({ date: "2026-11-30", at: new Date("2026-11-30T01:00:00Z") });
    expect(digestSlot(new Date("2026-11-30T00:59:00Z"), "09:00")).toEqual({ date: "2026-11-29", at: new Date("2026-11-29T01:00:00Z") });
    expect(digestSlot(new Date("2026-11-30T17:30:00Z"), "00:30")).toEqual({ date: "2026-12-01", at: new Date("2026-11-30T16:30:00Z") });
    expect(() => digestSlot(new Date(), "9点")).toThrow("HEGAO_DIGEST_AT 必须是 HH:MM");
  });
});

describe.each(testDbTargets())("daily digest on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("sends one mail per digest account at the digest time, once, and catches up a missed day", async () => {
    const db = h.db;
    smtp.mails.length = 0; // one SMTP server for every database target
    const byName = Object.fromEntries((await db.select().from(users)).map((u) => [u.username, u.id]));
    await db.update(users).set({ emailMode: "digest" }).where(inArray(users.username, ["gh1", "gh2", "rlzy1"]));
    await db.update(users).set({ email: "gh1@example.cn" }).where(eq(users.username, "gh1"));
    await db.update(users).set({ email: "gh2@example.cn" }).where(eq(users.username, "gh2"));
    const { reportId } = (await db.query.sections.findFirst())!;
    const send = (userIds: string[], title: string) =>
      db.transaction((tx) => notify(tx, { kind: "mention", reportId, userIds, title, actorId: byName.reviewer }));
    await send([byName.gh1, byName.gh2, byName.rlzy1], "第一条：请补充数据");
    await send([byName.gh1], "第二条：请核对表述");
    expect(smtp.mails).toEqual([]); // digest accounts get no immediate mail
    // Day 1, 09:00 Shanghai is after the notifications: pretend they came in an hour before.
    const day1 = digestSlot(new Date(Date.now() + 24 * 3600_000), "09:00").at;
    await db.update(notifications).set({ createdAt: new Date(day1.getTime() - 3600_000) });
    let t = day1.getTime() - 60_000;
    const worker = () => createOutboxWorker({ db, now: () => new Date(t), digestAt: "09:00", log: () => {} });
    expect(await worker().runOnce()).toEqual({ sent: 0, failed: 0 }); // 08:59: not yet
    t = day1.getTime() + 60_000;
    expect(await worker().runOnce()).toEqual({ sent: 2, failed: 0 });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(["gh1@example.cn", "gh2@example.cn"]);
    const gh1 = smtp.mails.find((m) => m.to[0] === "gh1@example.cn")!;
    expect(gh1.subject).toMatch(/^【合稿】每日通知摘要（\d{4}-\d\d-\d\d，共 2 条）$/);
    expect(gh1.text).toContain("1. 【有人@了您】第一条：请补充数据");
    expect(gh1.text).toContain("2. 【有人@了您】第二条：请核对表述");
    expect(gh1.text).toContain("https://hegao.example.cn/");
    // A restart the same day (a new worker) sends nothing more.
    t += 3600_000;
    expect(await worker().runOnce()).toEqual({ sent: 0, failed: 0 });
    // Day 2 passes while the server is down; on day 3 at 07:00 it starts and catches up day 2
    // with only what came since day 1's digest.
    await send([byName.gh2], "第三条：已逾期");
    await db.update(notifications).set({ createdAt: new Date(day1.getTime() + 3 * 3600_000) }).where(eq(notifications.title, "第三条：已逾期"));
    t = day1.getTime() + 46 * 3600_000;
    expect(await worker().runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(3);
    expect(smtp.mails[2]).toMatchObject({ to: ["gh2@example.cn"], subject: expect.stringContaining("共 1 条") });
    expect(smtp.mails[2].text).toContain("第三条：已逾期");
    expect(smtp.mails[2].text).not.toContain("第一条");
  });
});
