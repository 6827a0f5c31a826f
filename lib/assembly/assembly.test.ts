import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reportEvents, reports, sections } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { findDepartmentByName } from "@/lib/accounts/departments";
import { createReport } from "@/lib/reports/create-report";
import { blocksToText } from "@/lib/export/blocks";
import { inspectDocx } from "@/lib/export/inspect-docx";
import type { Principal } from "@/lib/policy";
import { assembleReport } from "./assemble-report";
import { finalizeReport } from "./finalize-report";
import { reopenReport } from "./reopen-report";
import { getFinal, listFinals } from "./finals";
import { exportReport } from "./export-report";
import { assertSectionReportOpen } from "./report-open";
import { approveDirectly, setLiveText, userId } from "./test-support";

describe.each(testDbTargets())("assembly and finalize on $name", (target) => {
  let handle: DbHandle;
  let admin: Principal;
  let reviewer: Principal;
  let reportId: string;
  let ids: string[];
  let openingId: string;

  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    const dept = (await findDepartmentByName(handle.db, "党群工作部"))!;
    admin = { id: await userId(handle.db, "admin"), role: "admin", departmentId: dept.id };
    reviewer = { id: await userId(handle.db, "reviewer"), role: "reviewer", departmentId: dept.id };
    const created = await createReport(handle.db, {
      title: "2026年上半年党建工作总结", organisationName: "示例集团公司", preamble: "开头第一段。\n开头第二段。",
      sections: [
        { level: 1, title: "上半年工作成效" },
        { level: 2, title: "筑牢主阵地", body: "学习X次。", departmentId: dept.id },
        { level: 2, title: "畅通主动脉", body: "新划分党支部。", departmentId: dept.id },
        { level: 1, title: "存在问题", body: "问题一。", departmentId: dept.id },
      ],
    });
    reportId = created.reportId;
    ids = created.sections.map((s) => s.id);
    openingId = created.openingId;
    // The editors marked `X次` as intended (有意保留), so the finalize check does not count it.
    await handle.db.update(sections).set({ intendedPlaceholders: ["x-count:X:0"] }).where(eq(sections.id, ids[1]));
  });
  afterAll(() => handle?.close());

  it("assembles every section in outline order with its number; headings carry no text", async () => {
    const doc = await assembleReport(handle.db, reportId, { useApproved: false });
    expect(doc.draft).toBe(true);
    expect(doc.sections.map((s) => s.number + s.title)).toEqual(["一、上半年工作成效", "（一）筑牢主阵地", "（二）畅通主动脉", "二、存在问题"]);
    expect(doc.sections[0].blocks).toEqual([]);
    expect(blocksToText(doc.sections[1].blocks)).toBe("学习X次。");
    expect(doc.sections[1]).toMatchObject({ state: "draft", departmentName: "党群工作部" });
    expect(blocksToText(doc.preamble)).toBe("开头第一段。\n开头第二段。");
  });

  it("a draft shows the approved text of approved sections and the live text of the others", async () => {
    await approveDirectly(handle.db, ids[1], reviewer.id);
    await setLiveText(handle.db, ids[1], "批准后又改的字。"); // would not happen (read-only), but proves the source
    await setLiveText(handle.db, ids[2], "正在写的新内容。");
    const doc = await assembleReport(handle.db, reportId, { useApproved: false });
    expect(blocksToText(doc.sections[1].blocks)).toBe("学习X次。");
    expect(doc.sections[1].state).toBe("approved");
    expect(blocksToText(doc.sections[2].blocks)).toBe("正在写的新内容。");
  });

  it("refuses to finalize (409) until every section and the opening are approved, naming the others with their numbers", async () => {
    const attempt = finalizeReport(handle.db, { reportId, actor: admin });
    await expect(attempt).rejects.toMatchObject({ code: "conflict" });
    await expect(finalizeReport(handle.db, { reportId, actor: admin })).rejects.toThrow(/开头.*（二）畅通主动脉.*二、存在问题/);
    await expect(finalizeReport(handle.db, { reportId, actor: reviewer })).rejects.toMatchObject({ code: "forbidden" });
    const [r] = await handle.db.select().from(reports).where(eq(reports.id, reportId));
    expect(r.status).toBe("collecting");
  });

  it("finalizes into 第1版 from the approved versions, then freezes the sections", async () => {
    await approveDirectly(handle.db, ids[2], reviewer.id);
    await approveDirectly(handle.db, ids[3], reviewer.id);
    await approveDirectly(handle.db, openingId, reviewer.id);
    const [before] = await handle.db.select().from(reports).where(eq(reports.id, reportId));
    await expect(finalizeReport(handle.db, { reportId, actor: admin, expectedVersion: before.version - 1 })).rejects.toMatchObject({ code: "conflict" });
    const result = await finalizeReport(handle.db, { reportId, actor: admin, expectedVersion: before.version, now: new Date("2026-07-10T02:00:00Z") });
    expect(result.number).toBe(1);
    expect(result.document).toMatchObject({ draft: false, finalVersion: 1, date: "2026年7月10日" });
    expect(blocksToText(result.document.sections[1].blocks)).toBe("学习X次。");
    expect(blocksToText(result.document.sections[2].blocks)).toBe("正在写的新内容。");
    expect(blocksToText(result.document.preamble)).toBe("开头第一段。\n开头第二段。");
    const [after] = await handle.db.select().from(reports).where(eq(reports.id, reportId));
    expect(after).toMatchObject({ status: "finalized", version: before.version + 1 });
    await expect(assertSectionReportOpen(handle.db, ids[1])).rejects.toMatchObject({ code: "refused" });
    await expect(finalizeReport(handle.db, { reportId, actor: admin })).rejects.toMatchObject({ code: "refused" });
  });

  it("exports the final of a finalized report and a 征求意见稿 draft otherwise", async () => {
    const file = await exportReport(handle.db, reportId, "docx");
    expect(file).toMatchObject({ final: 1, draft: false, filename: "2026年上半年党建工作总结（第1版）.docx" });
    const docx = await inspectDocx(file.bytes);
    expect(docx.paragraphs.map((p) => p.text)).toContain("（二）畅通主动脉");
    expect(docx.headers.map((h) => h.text).join("")).not.toContain("征求意见稿");
  });

  it("reopens with a reason; a second finalize makes 第2版 and 第1版 stays unchanged", async () => {
    await expect(reopenReport(handle.db, { reportId, actor: admin, reason: "  " })).rejects.toMatchObject({ code: "validation" });
    await reopenReport(handle.db, { reportId, actor: admin, reason: "补充数据" });
    await expect(assertSectionReportOpen(handle.db, ids[1])).resolves.toBeUndefined();
    const draft = await exportReport(handle.db, reportId, "md");
    expect(draft).toMatchObject({ final: null, draft: true });
    expect(new TextDecoder().decode(draft.bytes)).toContain("征求意见稿");
    await handle.db.update(sections).set({ state: "draft" }).where(eq(sections.id, ids[3]));
    await setLiveText(handle.db, ids[3], "问题一（已补充）。");
    await approveDirectly(handle.db, ids[3], reviewer.id);
    const second = await finalizeReport(handle.db, { reportId, actor: admin });
    expect(second.number).toBe(2);
    expect((await listFinals(handle.db, reportId)).map((f) => f.number)).toEqual([2, 1]);
    expect(blocksToText((await getFinal(handle.db, reportId, 1)).document.sections[3].blocks)).toBe("问题一。");
    expect(blocksToText((await getFinal(handle.db, reportId, 2)).document.sections[3].blocks)).toBe("问题一（已补充）。");
    const events = await handle.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId));
    expect(events.map((e) => e.event).sort()).toEqual(["finalize", "finalize", "reopen"]);
    expect(events.find((e) => e.event === "reopen")?.comment).toBe("补充数据");
  });

  it("exactly one of two racing finalizations wins", async () => {
    await reopenReport(handle.db, { reportId, actor: admin, reason: "再改" });
    const results = await Promise.allSettled([
      finalizeReport(handle.db, { reportId, actor: admin }),
      finalizeReport(handle.db, { reportId, actor: admin }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listFinals(handle.db, reportId)).map((f) => f.number)).toEqual([3, 2, 1]);
  });
});
