import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reports, sections } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { blocksToText } from "@/lib/export/blocks";
import { finalizeReport } from "@/lib/assembly/finalize-report";
import { assembleReport } from "@/lib/assembly/assemble-report";
import { approveDirectly, setLiveText } from "@/lib/assembly/test-support";
import { principal } from "@/lib/review/test-helpers";
import type { Principal } from "@/lib/policy";
import { createReport } from "./create-report";
import { getReportWithOutline } from "./get-report";
import { markPartPlaceholder } from "./mark-part-placeholder";
import { ensureOpeningSections } from "./opening";
import { loadReportParts } from "./report-parts";
import { updateReportParts } from "./update-report-parts";
import { listReports } from "./get-report";
import { assignSection, renameSection } from "@/lib/outline/edit-section";
import { deleteSection, moveSection } from "@/lib/outline/move-section";

describe.each(testDbTargets())("report parts on $name", (target) => {
  let h: DbHandle;
  let admin: Principal;
  let reportId: string;
  let openingId: string;
  let bodyIds: string[];

  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    admin = await principal(h.db, "admin");
    const dqb = (await principal(h.db, "dqb1")).departmentId;
    const created = await createReport(h.db, {
      title: "2026年上半年党建工作总结", organisationName: "示例集团公司", createdBy: admin.id,
      preamble: "上半年，XXX党组坚持以党建为引领。", addressee: "县委、县政府",
      attachments: ["重点项目清单", "X月工作台账"], signOff: { unit: "中共某县委员会", date: "2026-07-10" },
      sections: [{ level: 1, title: "主要工作", body: "开展学习。", departmentId: dqb }, { level: 1, title: "下步打算", body: "继续推进。", departmentId: dqb }],
    });
    reportId = created.reportId;
    openingId = created.openingId;
    bodyIds = created.sections.map((s) => s.id);
  });
  afterAll(() => h?.close());

  it("keeps the opening out of the outline, assigned to the creating admin's department", async () => {
    const { sections: outline, opening } = await getReportWithOutline(h.db, reportId);
    expect(outline.map((s) => s.number + s.title)).toEqual(["一、主要工作", "二、下步打算"]);
    expect(opening).toMatchObject({ id: openingId, kind: "opening", level: 0, number: "", departmentId: admin.departmentId, state: "draft" });
  });

  it("reassigns the opening like a section, but never moves, renames or deletes it", async () => {
    const dqb = (await principal(h.db, "dqb1")).departmentId;
    await assignSection(h.db, { sectionId: openingId, actor: admin, departmentId: dqb });
    expect((await getReportWithOutline(h.db, reportId)).opening?.departmentId).toBe(dqb);
    await assignSection(h.db, { sectionId: openingId, actor: admin, departmentId: admin.departmentId });
    await expect(deleteSection(h.db, { sectionId: openingId, actor: admin })).rejects.toMatchObject({ code: "refused" });
    await expect(moveSection(h.db, { sectionId: openingId, actor: admin, direction: "down" })).rejects.toMatchObject({ code: "refused" });
    await expect(renameSection(h.db, { sectionId: openingId, actor: admin, title: "前言" })).rejects.toMatchObject({ code: "refused" });
  });

  it("lists the blanks of every printed part with a quoted context", async () => {
    const { placeholders, signOff, parts } = await loadReportParts(h.db, reportId);
    expect(signOff).toEqual({ unit: "中共某县委员会", date: "2026-07-10" });
    expect(parts.opening).toBe("上半年，XXX党组坚持以党建为引领。");
    expect(placeholders.map((p) => [p.part, p.text])).toEqual([["opening", "XXX"], ["attachments", "X"]]);
    expect(placeholders[0].context).toContain("XXX党组");
  });

  it("refuses finalize while blanks remain (naming them), then while the opening is not approved", async () => {
    for (const id of bodyIds) await approveDirectly(h.db, id, admin.id);
    const refusal = await finalizeReport(h.db, { reportId, actor: admin }).catch((e) => e);
    expect(refusal).toMatchObject({ code: "placeholders", status: 422 });
    expect(refusal.details.map((d: { part: string; context: string }) => d.part)).toEqual(["opening", "attachments"]);
    const attachment = refusal.details[1].key as string;
    expect((await markPartPlaceholder(h.db, { reportId, actor: admin, key: attachment, intended: true })).remaining).toBe(1);
    await expect(markPartPlaceholder(h.db, { reportId, actor: admin, key: "opening::YY:0", intended: true })).rejects.toMatchObject({ code: "refused" });
    await setLiveText(h.db, openingId, "上半年，县委党组坚持以党建为引领。");
    await expect(finalizeReport(h.db, { reportId, actor: admin })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("开头") });
  });

  it("finalizes with the approved opening, 主送, 附件 and the stored 落款", async () => {
    await approveDirectly(h.db, openingId, admin.id);
    const result = await finalizeReport(h.db, { reportId, actor: admin, now: new Date("2026-08-01T02:00:00Z") });
    expect(result.document).toMatchObject({
      addressee: "县委、县政府", attachments: ["重点项目清单", "X月工作台账"], organisation: "中共某县委员会", date: "2026年7月10日",
    });
    expect(blocksToText(result.document.preamble)).toBe("上半年，县委党组坚持以党建为引领。");
    expect(result.document.sections.map((s) => s.title)).toEqual(["主要工作", "下步打算"]);
  });

  it("PATCH: admins only, validated, refused on a finalized report; defaults for an empty 落款", async () => {
    const editor = await principal(h.db, "dqb1");
    await expect(updateReportParts(h.db, { reportId, actor: editor, input: { title: "新" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateReportParts(h.db, { reportId, actor: admin, input: { title: "新" } })).rejects.toMatchObject({ code: "refused" });
    const [other] = await listReports(h.db).then((all) => all.filter((r) => r.id !== reportId));
    await expect(updateReportParts(h.db, { reportId: other.id, actor: admin, input: { signOff: { unit: "", date: "2026-02-30" } } })).rejects.toThrow(/日期无效/);
    await expect(updateReportParts(h.db, { reportId: other.id, actor: admin, input: { attachments: [""] } })).rejects.toThrow(/附件名称不能为空/);
    await expect(updateReportParts(h.db, { reportId: other.id, actor: admin, input: { colour: "red" } })).rejects.toThrow();
    await updateReportParts(h.db, { reportId: other.id, actor: admin, input: { addressee: "集团公司党委：", attachments: ["甲", "乙"], signOff: { unit: "", date: null } } });
    const parts = await loadReportParts(h.db, other.id);
    expect(parts.report).toMatchObject({ addressee: "集团公司党委", attachments: ["甲", "乙"] });
    expect(parts.signOff).toEqual({ unit: other.organisationName, date: null });
    expect((await assembleReport(h.db, other.id, { useApproved: false })).date).toBeUndefined();
  });

  it("makes a missing opening from the report's preamble at start, once", async () => {
    const [demo] = (await listReports(h.db)).filter((r) => r.id !== reportId);
    await h.db.delete(sections).where(and(eq(sections.reportId, demo.id), eq(sections.kind, "opening")));
    await h.db.update(reports).set({ preamble: "旧的开头。" }).where(eq(reports.id, demo.id));
    expect(await ensureOpeningSections(h.db)).toBe(1);
    expect(await ensureOpeningSections(h.db)).toBe(0);
    expect((await loadReportParts(h.db, demo.id)).parts.opening).toBe("旧的开头。");
  });
});
