import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { departments, notifications, reports, sections, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { listReports } from "@/lib/reports/get-report";
import { reminderTier } from "./deadline-reminders";
import { startReminderScheduler, type ReminderScheduler } from "./reminder-scheduler";

/** 09:00 in Asia/Shanghai on `day` (YYYY-MM-DD). */
const at9 = (day: string) => new Date(`${day}T01:00:00Z`);

describe.each(testDbTargets())("deadline reminders on $name", (target) => {
  let h: DbHandle;
  let reportId: string;
  let clock: Date;
  let scheduler: ReminderScheduler | null = null;
  const start = () => (scheduler = startReminderScheduler({ db: async () => h.db, now: () => clock, intervalMs: 3_600_000 }));
  /** The notifications of `username`, oldest first. */
  const inbox = async (username: string) => {
    const rows = await h.db.select({ n: notifications }).from(notifications).innerJoin(users, eq(notifications.userId, users.id)).where(eq(users.username, username));
    return rows.map((r) => r.n).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.title.localeCompare(b.title));
  };

  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    reportId = (await listReports(h.db))[0].id;
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });
  beforeEach(async () => {
    await scheduler?.stop();
    scheduler = null;
    await h.db.delete(notifications);
    await h.db.update(reports).set({ status: "collecting", deadline: "2026-07-10" });
    await h.db.update(sections).set({ dueDate: "2026-07-10", state: "draft" });
  });

  it("sends due in 2 days once however often it runs or restarts, then 1 day, nothing on the day, then overdue once a day", async () => {
    clock = at9("2026-07-08");
    const s = start();
    await s.runNow();
    await s.runNow();
    let mine = await inbox("rlzy1");
    expect(mine.map((n) => n.kind)).toEqual(["due_soon"]);
    expect(mine[0].title).toBe("《示例集团公司2026年上半年党建工作总结》人力资源部的「（五）聚焦人才强企，干部队伍结构优化」将于 2026-07-10 截止，还剩 2 天");
    expect(mine[0].link).toBe(`/sections/${mine[0].sectionId}`);
    expect((await inbox("rlzylead")).map((n) => n.kind)).toEqual(["due_soon"]);
    expect(await inbox("admin")).toEqual([]);

    // A restart the same day: the start-up run finds everything sent.
    await s.stop();
    clock = new Date(at9("2026-07-08").getTime() + 6 * 3_600_000);
    expect(await start().runNow()).toMatchObject({ written: 0 });
    expect(await inbox("rlzy1")).toHaveLength(1);

    clock = at9("2026-07-09");
    expect((await scheduler!.runNow()).written).toBeGreaterThan(0);
    mine = await inbox("rlzy1");
    expect(mine.map((n) => n.title.match(/还剩 \d+ 天$/)?.[0])).toEqual(["还剩 2 天", "还剩 1 天"]);

    clock = at9("2026-07-10");
    await scheduler!.runNow();
    expect(await inbox("rlzy1")).toHaveLength(2);

    for (const day of ["2026-07-11", "2026-07-11", "2026-07-12"]) {
      clock = at9(day);
      await scheduler!.runNow();
    }
    mine = await inbox("rlzy1");
    expect(mine.filter((n) => n.kind === "overdue").map((n) => n.title.match(/已逾期 \d+ 天/)?.[0])).toEqual(["已逾期 1 天", "已逾期 2 天"]);
  });

  it("catches up at start after a downtime, counts days in China and groups a department's sections in one reminder", async () => {
    // 2026-07-07 23:59 in Shanghai: three days left, nothing due yet.
    clock = new Date("2026-07-07T15:59:00Z");
    const s = start();
    expect(await s.runNow()).toEqual({ due: 0, written: 0 });
    await s.stop();
    // Down overnight; back at 00:30 on 2026-07-08 in Shanghai (still 07-07 in UTC): the start-up run sends.
    clock = new Date("2026-07-07T16:30:00Z");
    const again = start();
    await again.runNow();
    const dqb = await inbox("dqb2");
    expect(dqb).toHaveLength(1);
    expect(dqb[0].title).toBe("《示例集团公司2026年上半年党建工作总结》党群工作部的 2 个章节将于 2026-07-10 截止，还剩 2 天");
    expect(dqb[0].body.split("\n")).toHaveLength(3);
    const [dq] = await h.db.select().from(departments).where(eq(departments.name, "党群工作部"));
    expect(dqb[0].link).toBe(`/reports/${reportId}?dept=${dq.id}`);
  });

  it("skips approved sections, finalized reports, and uses the report deadline for a section without its own", async () => {
    const [hr] = await h.db.select().from(departments).where(eq(departments.name, "人力资源部"));
    const [gh] = await h.db.select().from(departments).where(eq(departments.name, "工会"));
    await h.db.update(sections).set({ state: "approved" }).where(eq(sections.departmentId, hr.id));
    await h.db.update(sections).set({ dueDate: null }).where(and(eq(sections.reportId, reportId), eq(sections.departmentId, gh.id)));
    clock = at9("2026-07-09");
    await start().runNow();
    expect(await inbox("rlzy1")).toEqual([]);
    expect((await inbox("gh1")).map((n) => n.title)).toEqual([expect.stringContaining("将于 2026-07-10 截止，还剩 1 天")]);

    await h.db.update(reports).set({ status: "finalized" });
    clock = at9("2026-07-12");
    expect(await scheduler!.runNow()).toEqual({ due: 0, written: 0 });
  });
});

describe("reminder tiers", () => {
  it("reminds at 2 and 1 days before, not on the day or earlier, and daily when overdue", () => {
    expect([3, 2, 1, 0, -1, -5].map((d) => reminderTier(d, "2026-07-11")?.tier ?? null)).toEqual([null, "d2", "d1", null, "overdue:2026-07-11", "overdue:2026-07-11"]);
  });
});
