import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { departments, notifications, reportChases, reportEvents, reports, sections, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { AppError, toErrorResponse } from "@/lib/errors";
import { listReports } from "@/lib/reports/get-report";
import { principal } from "@/lib/review/test-helpers";
import type { Principal } from "@/lib/policy";
import { chaseReport } from "./chase-report";
import { chaseBodySchema } from "./schemas";

// 2026-07-01 14:05 in Asia/Shanghai.
const T0 = new Date("2026-07-01T06:05:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** The thrown AppError of a promise that must fail. */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(testDbTargets())("催报 on $name", (target) => {
  let h: DbHandle;
  let reportId: string;
  let admin: Principal;
  const dept: Record<string, string> = {};
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    reportId = (await listReports(h.db))[0].id;
    admin = await principal(h.db, "admin");
    for (const d of await h.db.select().from(departments)) dept[d.name] = d.id;
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.db.delete(reportChases);
    await h.db.delete(reportEvents);
    await h.db.delete(notifications);
    await h.db.update(reports).set({ status: "collecting", deadline: "2026-07-10" });
    await h.db.update(sections).set({ dueDate: "2026-07-10", state: "draft" });
  });

  it("chases one department with a note: audit row, chase row and a notification to its editors and lead", async () => {
    const r = await chaseReport(h.db, { reportId, actor: admin, departmentId: dept["人力资源部"], note: " 请于周五前提交 ", now: T0 });
    expect(r).toMatchObject({ sent: 1, chased: [{ name: "人力资源部" }], skipped: [] });
    expect(r.nextAllowedAt.toISOString()).toBe(minutes(60).toISOString());
    const [chase] = await h.db.select().from(reportChases);
    expect(chase).toMatchObject({ departmentId: dept["人力资源部"], actorId: admin.id, note: "请于周五前提交" });
    const events = await h.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId));
    expect(events.map((e) => [e.event, e.comment])).toEqual([["chase", "人力资源部：请于周五前提交"]]);
    const got = await h.db.select({ username: users.username, title: notifications.title, body: notifications.body, link: notifications.link })
      .from(notifications).innerJoin(users, eq(notifications.userId, users.id)).where(eq(notifications.kind, "chase"));
    expect(got.map((n) => n.username).sort()).toEqual(["rlzy1", "rlzy2", "rlzylead"]);
    expect(got[0].title).toBe("催报：《示例集团公司2026年上半年党建工作总结》人力资源部尚有 1 个章节未完成，还剩 9 天");
    expect(got[0].body).toContain("留言：请于周五前提交");
    expect(got[0].body).toContain("聚焦人才强企");
    expect(got[0].link).toBe(`/reports/${reportId}?dept=${dept["人力资源部"]}`);
  });

  it("refuses a second chase of the department within the hour with 429 and when to retry; other departments and an hour later are allowed", async () => {
    await chaseReport(h.db, { reportId, actor: admin, departmentId: dept["工会"], now: T0 });
    const err = await failure(chaseReport(h.db, { reportId, actor: admin, departmentId: dept["工会"], now: minutes(59) }));
    const { status, body } = toErrorResponse(err);
    expect(status).toBe(429);
    expect(body.error).toEqual({
      code: "rate_limited", message: "该部门 1 小时内已催报过，可于 15:05 后再催", field: undefined,
      details: { nextAllowedAt: minutes(60).toISOString() },
    });
    expect((await chaseReport(h.db, { reportId, actor: admin, departmentId: dept["纪检监察室"], now: minutes(59) })).sent).toBe(1);
    expect((await chaseReport(h.db, { reportId, actor: admin, departmentId: dept["工会"], now: minutes(60) })).sent).toBe(1);
    const rows = await h.db.select().from(reportChases).where(eq(reportChases.departmentId, dept["工会"]));
    expect(rows).toHaveLength(2);
    const chased = await h.db.select().from(notifications).where(eq(notifications.kind, "chase"));
    expect(chased.filter((n) => n.title.includes("工会"))).toHaveLength(2 * 3); // gh1, gh2, ghlead, twice
  });

  it("sends one chase when two are pressed at the same moment", async () => {
    const both = await Promise.allSettled([
      chaseReport(h.db, { reportId, actor: admin, departmentId: dept["安全环保部"], now: T0 }),
      chaseReport(h.db, { reportId, actor: admin, departmentId: dept["安全环保部"], note: "第二次", now: T0 }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "rate_limited" });
    expect(await h.db.select().from(reportChases)).toHaveLength(1);
    expect(await h.db.select().from(reportEvents)).toHaveLength(1);
  });

  it("chases every overdue department at once, skipping those chased within the hour", async () => {
    const late = [dept["党群工作部"], dept["生产技术部"]];
    await h.db.update(sections).set({ dueDate: "2026-06-28" }).where(and(eq(sections.reportId, reportId), inArray(sections.departmentId, late)));
    await chaseReport(h.db, { reportId, actor: admin, departmentId: dept["生产技术部"], now: T0 });
    const r = await chaseReport(h.db, { reportId, actor: admin, note: "已逾期", now: minutes(5) });
    expect(r.chased.map((d) => d.name)).toEqual(["党群工作部"]);
    expect(r.skipped).toMatchObject([{ name: "生产技术部", nextAllowedAt: minutes(60) }]);
    const err = await failure(chaseReport(h.db, { reportId, actor: admin, now: minutes(10) }));
    expect(err.message).toBe("逾期部门 1 小时内已催报过，可于 15:05 后再催");
    expect((await chaseReport(h.db, { reportId, actor: admin, now: minutes(64) })).chased.map((d) => d.name)).toEqual(["生产技术部"]);
    const titles = (await h.db.select().from(notifications)).map((n) => n.title);
    expect(titles).toContain("催报：《示例集团公司2026年上半年党建工作总结》党群工作部尚有 2 个章节未完成，逾期 3 天");
  });

  it("refuses non-admins, a finalized report, a department that has nothing left, nothing overdue, bad input", async () => {
    for (const who of ["reviewer", "rlzylead", "dqb1"]) {
      const err = await failure(chaseReport(h.db, { reportId, actor: await principal(h.db, who), departmentId: dept["工会"], now: T0 }));
      expect(err.code).toBe("forbidden");
    }
    expect((await failure(chaseReport(h.db, { reportId, actor: admin, now: T0 }))).message).toBe("目前没有逾期未完成的部门");
    await h.db.update(sections).set({ state: "approved" }).where(eq(sections.departmentId, dept["工会"]));
    expect((await failure(chaseReport(h.db, { reportId, actor: admin, departmentId: dept["工会"], now: T0 }))).code).toBe("refused");
    expect((await failure(chaseReport(h.db, { reportId, actor: admin, departmentId: dept["公司领导"], now: T0 }))).code).toBe("not_found");
    expect((await failure(chaseReport(h.db, { reportId: "missing", actor: admin, now: T0 }))).code).toBe("not_found");
    expect((await failure(chaseReport(h.db, { reportId, actor: admin, departmentId: dept["纪检监察室"], note: "催".repeat(501), now: T0 }))).field).toBe("note");
    await h.db.update(reports).set({ status: "finalized" });
    expect((await failure(chaseReport(h.db, { reportId, actor: admin, departmentId: dept["纪检监察室"], now: T0 }))).code).toBe("refused");
    expect(await h.db.select().from(reportChases)).toHaveLength(0);
    expect(await h.db.select().from(notifications)).toHaveLength(0);
  });
});

describe("催报 request body", () => {
  it("accepts an empty body, treats blanks as absent and refuses unknown or oversized fields", () => {
    expect(chaseBodySchema.parse({})).toEqual({});
    expect(chaseBodySchema.parse({ departmentId: "", note: "  " })).toEqual({ departmentId: undefined, note: undefined });
    expect(chaseBodySchema.safeParse({ dept: "x" }).success).toBe(false);
    expect(chaseBodySchema.safeParse({ note: 5 }).success).toBe(false);
    expect(chaseBodySchema.safeParse({ note: "x".repeat(501) }).success).toBe(false);
  });
});
