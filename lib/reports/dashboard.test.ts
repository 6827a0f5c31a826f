import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { approveSection, submitSection } from "@/lib/review/commands";
import { principal, sectionByTitle } from "@/lib/review/test-helpers";
import { getDashboard, todayIso } from "./dashboard";
import { listReports } from "./get-report";

describe.each(testDbTargets())("dashboard on $name", (target) => {
  let h: DbHandle;
  let reportId: string;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    reportId = (await listReports(h.db))[0].id;
  });
  afterAll(() => h?.close());

  it("lists every section with numbers, group rows and placeholder counts", async () => {
    const d = await getDashboard(h.db, reportId, {}, "2026-07-01");
    expect(d.rows.map((r) => r.number + r.title).slice(0, 3)).toEqual([
      "一、上半年主要工作", "（一）坚持政治引领，理论武装持续深化", "（二）夯实基层基础，组织建设全面加强",
    ]);
    expect(d.rows[0].headingOnly).toBe(true);
    expect(d.rows.find((r) => r.title.startsWith("夯实"))?.placeholders).toBe(1);
    expect(d.overall).toMatchObject({ approved: 0, total: d.totalSections });
    expect(d.totalSections).toBe(d.rows.filter((r) => !r.headingOnly).length);
  });

  it("marks sections past due and not approved as overdue", async () => {
    const [report] = await listReports(h.db);
    const due = report.deadline!;
    const dayAfter = new Date(Date.parse(`${due}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect((await getDashboard(h.db, reportId, {}, due)).rows.some((r) => r.overdue)).toBe(false);
    const late = await getDashboard(h.db, reportId, {}, dayAfter);
    expect(late.rows.filter((r) => r.overdue)).toHaveLength(late.totalSections);
  });

  it("counts approvals in the progress and filters by state and department, keeping group headings", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "聚焦人才强企");
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "rlzy1") });
    await approveSection(db, { sectionId: s.id, version: sub.version, actor: await principal(db, "reviewer") });
    const d = await getDashboard(db, reportId, {}, "2026-07-11");
    expect(d.overall.approved).toBe(1);
    expect(d.departments.find((p) => p.name === "人力资源部")).toMatchObject({ approved: 1, total: 1 });
    expect(d.rows.find((r) => r.id === s.id)?.overdue).toBe(false);

    const approved = await getDashboard(db, reportId, { state: "approved" });
    expect(approved.rows.map((r) => r.title)).toEqual(["上半年主要工作", "聚焦人才强企，干部队伍结构优化"]);
    const dqb = (await principal(db, "dqb1")).departmentId;
    const own = await getDashboard(db, reportId, { dept: dqb });
    expect(own.rows.filter((r) => !r.headingOnly).every((r) => r.departmentId === dqb)).toBe(true);
    expect(own.rows.filter((r) => r.headingOnly).map((r) => r.title)).toEqual(["上半年主要工作", "下半年工作安排"]);
  });

  it("reports sections over their 字数要求 (counted like the editor), and none without a limit", async () => {
    const s = await sectionByTitle(h.db, "夯实基层基础");
    const words = (await getDashboard(h.db, reportId)).rows.find((r) => r.id === s.id)!.words.words;
    expect(words).toBeGreaterThan(20);
    expect((await getDashboard(h.db, reportId)).overLimit).toEqual([]);
    await h.db.update(sections).set({ wordLimit: words }).where(eq(sections.id, s.id));
    expect((await getDashboard(h.db, reportId)).overLimit).toEqual([]); // exactly at the limit is fine
    await h.db.update(sections).set({ wordLimit: words - 12 }).where(eq(sections.id, s.id));
    const d = await getDashboard(h.db, reportId);
    expect(d.overLimit.map((r) => r.title)).toEqual([s.title]);
    expect(d.overLimit[0].words).toMatchObject({ over: true, excess: 12, limit: words - 12 });
    await h.db.update(sections).set({ wordLimit: null }).where(eq(sections.id, s.id));
  });

  it("uses today in China for the overdue marker", () => {
    expect(todayIso("Asia/Shanghai", new Date("2026-07-10T17:00:00Z"))).toBe("2026-07-11");
  });

  it("reports a missing report as not found", async () => {
    await expect(getDashboard(h.db, "missing")).rejects.toMatchObject({ code: "not_found" });
    expect((await h.db.select().from(sections).where(eq(sections.reportId, reportId))).length).toBeGreaterThan(0);
  });
});
