/**
 * 开始下一期 on the database: the new report copies outline, assignments and chain, shifts due
 * dates, starts every section empty and linked to its predecessor; only admins, only from a
 * finalized report. Last period's text: the approved version in the previous final, or the
 * imported text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reportEvents, reports, sections, sectionVersions } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { findDepartmentByName } from "@/lib/accounts/departments";
import { approveDirectly, setLiveText, userId } from "@/lib/assembly/test-support";
import { finalizeReport } from "@/lib/assembly/finalize-report";
import { reopenReport } from "@/lib/assembly/reopen-report";
import { readSectionContent } from "@/lib/review/section-doc";
import { listVersions } from "@/lib/review/history";
import type { Principal } from "@/lib/policy";
import { createReport } from "./create-report";
import { createImportedReport } from "./import-report";
import { previousDiff } from "@/lib/review/previous-diff";
import { compareWithPrevious } from "./compare-previous";
import { previousText } from "./previous-section";
import { rollForwardReport } from "./roll-forward";

const CHAIN = [{ name: "党办审核", mode: "any" as const, approvers: { role: "reviewer" as const } }, { name: "领导签批", mode: "all" as const, approvers: { users: ["leader1"] } }];

describe.each(testDbTargets())("roll forward on $name", (target) => {
  let h: DbHandle;
  let admin: Principal;
  let reviewer: Principal;
  let dqb: string;
  let gh: string;
  let source: string;
  let ids: string[];
  let openingId: string;

  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    dqb = (await findDepartmentByName(h.db, "党群工作部"))!.id;
    gh = (await findDepartmentByName(h.db, "工会"))!.id;
    admin = { id: await userId(h.db, "admin"), role: "admin", departmentId: dqb };
    reviewer = { id: await userId(h.db, "reviewer"), role: "reviewer", departmentId: dqb };
    const created = await createReport(h.db, {
      title: "示例2026年上半年党建工作总结", period: "2026年上半年", organisationName: "示例集团公司", deadline: "2026-06-30",
      sections: [
        { level: 1, title: "上半年工作成效" },
        { level: 2, title: "筑牢主阵地", body: "学习12次。", departmentId: dqb, dueDate: "2026-06-20" },
        { level: 2, title: "工会工作", body: "慰问职工30人。", departmentId: gh, dueDate: "2026-08-31" },
        { level: 1, title: "下半年安排", body: "继续努力。", departmentId: dqb },
      ],
    });
    source = created.reportId;
    ids = created.sections.map((s) => s.id);
    openingId = created.openingId;
    await h.db.update(reports).set({ reviewChain: CHAIN, reviewChainName: "两级" }).where(eq(reports.id, source));
  });
  afterAll(() => h?.close());

  it("refuses while the report is still collecting, and refuses non-admins", async () => {
    await expect(rollForwardReport(h.db, { reportId: source, actor: admin, title: "下期", period: "2026年下半年" }))
      .rejects.toMatchObject({ code: "refused", message: "只有已定稿的总结才能开始下一期" });
    for (const id of [openingId, ...ids.slice(1)]) await approveDirectly(h.db, id, reviewer.id);
    await finalizeReport(h.db, { reportId: source, actor: admin });
    await expect(rollForwardReport(h.db, { reportId: source, actor: reviewer, title: "下期", period: "2026年下半年" }))
      .rejects.toMatchObject({ code: "forbidden" });
    await expect(rollForwardReport(h.db, { reportId: source, actor: admin, title: "  ", period: "2026年下半年" })).rejects.toThrow(/请填写标题/);
    await expect(rollForwardReport(h.db, { reportId: "nope", actor: admin, title: "下期", period: "" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("copies outline, assignments and chain, shifts the dates by the period, starts every section empty", async () => {
    const r = await rollForwardReport(h.db, { reportId: source, actor: admin, title: "示例2026年下半年党建工作总结", period: "2026年下半年" });
    expect(r.shiftedMonths).toBe(6);
    const [next] = await h.db.select().from(reports).where(eq(reports.id, r.reportId));
    expect(next).toMatchObject({ title: "示例2026年下半年党建工作总结", period: "2026年下半年", status: "collecting", deadline: "2026-12-30", previousReportId: source, reviewChain: CHAIN, reviewChainName: "两级" });
    const rows = await h.db.select().from(sections).where(eq(sections.reportId, r.reportId)).orderBy(asc(sections.level), asc(sections.position));
    const byPrev = new Map(rows.map((s) => [s.previousSectionId, s]));
    expect(ids.map((id) => byPrev.get(id)?.title)).toEqual(["上半年工作成效", "筑牢主阵地", "工会工作", "下半年安排"]);
    expect(ids.map((id) => byPrev.get(id)?.departmentId ?? null)).toEqual([null, dqb, gh, dqb]);
    expect(ids.map((id) => byPrev.get(id)?.dueDate)).toEqual(["2026-12-30", "2026-12-20", "2027-02-28", "2026-12-30"]);
    // The opening stays the opening (level 0, outside the outline), linked to last period's.
    expect(byPrev.get(openingId)).toMatchObject({ kind: "opening", level: 0 });
    expect(rows.filter((s) => s.kind === "opening")).toHaveLength(1);
    const heading = byPrev.get(ids[0])!;
    expect(byPrev.get(ids[1])!.parentId).toBe(heading.id);
    expect(rows.every((s) => s.state === "draft")).toBe(true);
    for (const s of rows) {
      const c = await readSectionContent(h.db, s.id);
      expect(c.ok && c.text).toBe("");
    }
    const [event] = await h.db.select().from(reportEvents).where(eq(reportEvents.reportId, r.reportId));
    expect(event).toMatchObject({ event: "roll_forward", actorId: admin.id });
    expect(event.comment).toContain("示例2026年上半年党建工作总结");
  });

  it("shows last period's approved text of the final, not later approvals after a reopen", async () => {
    const r = await rollForwardReport(h.db, { reportId: source, actor: admin, title: "再下期", period: "2027年上半年" });
    expect(r.shiftedMonths).toBe(12);
    const newId = r.sections.find((s) => s.previousSectionId === ids[1])!.id;
    expect(await previousText(h.db, newId)).toMatchObject({ text: "学习12次。", reportId: source, finalNumber: 1 });
    await reopenReport(h.db, { reportId: source, actor: admin, reason: "补充" });
    await setLiveText(h.db, ids[1], "学习15次。");
    await approveDirectly(h.db, ids[1], reviewer.id); // approved after 第1版, not in a final yet
    expect((await previousText(h.db, newId))?.text).toBe("学习12次。");
    expect(await previousText(h.db, r.sections.find((s) => s.previousSectionId === ids[0])!.id)).toBeNull(); // a heading has no text
    expect(await previousText(h.db, "unknown")).toBeNull();
  });

  it("compares the new period's text with last period's, section by section (preview) and for a review", async () => {
    const [next] = await h.db.select().from(reports).where(eq(reports.title, "示例2026年下半年党建工作总结"));
    const rows = await h.db.select().from(sections).where(eq(sections.reportId, next.id));
    const dq = rows.find((s) => s.previousSectionId === ids[1])!;
    await setLiveText(h.db, dq.id, "学习20次。");
    const { sections: compared, any } = await compareWithPrevious(h.db, next.id);
    expect(any).toBe(true);
    expect(compared.map((s) => s.number + s.title)).toEqual(["一、上半年工作成效", "（一）筑牢主阵地", "（二）工会工作", "二、下半年安排"]);
    expect(compared[0].comparison).toBeNull();
    const c = compared[1].comparison!;
    expect(c.label).toBe("与上期（第1版定稿）相比：新增 1 字，删除 1 字"); // "12" → "20": one number each way (countWords)
    expect(c.diff).toEqual([{ kind: "same", text: "学习" }, { kind: "removed", text: "12" }, { kind: "added", text: "20" }, { kind: "same", text: "次。" }]);
    expect((await previousDiff(h.db, dq, "学习20次。"))?.stats).toEqual({ added: 1, removed: 1 });
  });

  it("an imported report's last period is its imported text, which is not a version", async () => {
    const created = await createImportedReport(h.db, {
      title: "2025年度工作总结", preamble: "",
      sections: [{ level: 1, title: "主要工作", body: "第一段。\n第二段。", departmentId: dqb }, { level: 1, title: "空白", body: "" }],
    });
    const [withText, empty] = created.sections.map((s) => s.id);
    const prev = await previousText(h.db, withText);
    expect(prev).toMatchObject({ text: "第一段。\n第二段。", reportId: created.reportId, finalNumber: null });
    expect(prev!.contentJson.content).toHaveLength(2);
    expect(await previousText(h.db, empty)).toBeNull();
    expect(await listVersions(h.db, withText)).toEqual([]);
    expect(await h.db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, withText))).toEqual([]);
  });
});
