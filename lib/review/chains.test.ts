import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reports, reviewEvents, sectionApprovals, sectionVersions } from "@/db/schema";
import { setReportChain } from "@/lib/chains/set-report-chain";
import { DEMO_CHAIN } from "@/lib/demo/demo-data";
import { seedDemo } from "@/lib/demo/seed-demo";
import { AppError, toErrorResponse } from "@/lib/errors";
import { approveSection, delegateApproval, reopenSection, requestChanges, submitSection, withdrawSection } from "./commands";
import { contentHash } from "./content-hash";
import { getSection } from "./get-section";
import { reviewInbox } from "./inbox";
import { getReviewView } from "./review-view";
import { stageJson } from "./stage-view";
import { principal, reload, sectionByTitle, writeText } from "./test-helpers";

const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e instanceof AppError ? e.code : String(e)));
const why = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e instanceof AppError ? `${e.code}: ${e.message}` : String(e)));

describe.each(testDbTargets())("review chains on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    const s = await sectionByTitle(h.db, "夯实基层基础");
    await setReportChain(h.db, { reportId: s.reportId, actor: await principal(h.db, "admin"), body: { name: DEMO_CHAIN.name, stages: DEMO_CHAIN.stages } });
  });
  afterAll(() => h?.close());

  /** Submits a demo section (text without placeholders) as `editor`; returns its fresh row. */
  async function submitted(title: string, editor: string, text = "上半年发展党员5名，确定入党积极分子12名。") {
    const s = await sectionByTitle(h.db, title);
    await writeText(h.db, s.id, text);
    await submitSection(h.db, { sectionId: s.id, version: s.version, actor: await principal(h.db, editor) });
    return reload(h.db, s.id);
  }
  const approveAs = async (id: string, username: string) =>
    approveSection(h.db, { sectionId: id, version: (await reload(h.db, id)).version, actor: await principal(h.db, username) });

  it("walks the three stages: lead, 党办, both leaders (会签), each inbox emptying as they act", async () => {
    const db = h.db;
    const s = await submitted("夯实基层基础", "dqb1");
    expect(s).toMatchObject({ state: "in_review", stage: 1 });
    const inbox = async (u: string) => (await reviewInbox(db, await principal(db, u))).map((i) => i.sectionId);
    expect(await inbox("dqblead")).toEqual([s.id]);
    expect(await inbox("reviewer")).toEqual([]);
    expect(await inbox("gh1")).toEqual([]);
    expect(await inbox("ghlead")).toEqual([]); // another department's lead

    let r = await approveAs(s.id, "dqblead");
    expect(r).toMatchObject({ state: "in_review", stage: 2 });
    expect(await inbox("dqblead")).toEqual([]);
    expect(await inbox("reviewer")).toEqual([s.id]);
    r = await approveAs(s.id, "reviewer");
    expect(r).toMatchObject({ state: "in_review", stage: 3 });
    const { review } = await getSection(db, s.id);
    expect(stageJson("in_review", s.departmentId, review)).toMatchObject({ index: 3, count: 3, name: "分管领导签批", mode: "all", approvals: [], pending: ["leader1", "leader2"] });
    r = await approveAs(s.id, "leader1");
    expect(r).toMatchObject({ state: "in_review", stage: 3 });
    expect(await inbox("leader1")).toEqual([]);
    expect(await inbox("leader2")).toEqual([s.id]);
    r = await approveAs(s.id, "leader2");
    expect(r).toMatchObject({ state: "approved" });

    // Every approval is bound to the one submitted version and its content hash.
    const approvals = await db.select().from(sectionApprovals).where(eq(sectionApprovals.sectionId, s.id));
    const [submittedV] = await db.select().from(sectionVersions).where(and(eq(sectionVersions.sectionId, s.id), eq(sectionVersions.kind, "submitted")));
    expect(approvals.map((a) => a.stage).sort()).toEqual([1, 2, 3, 3]);
    expect(new Set(approvals.map((a) => a.versionId))).toEqual(new Set([submittedV.id]));
    expect(new Set(approvals.map((a) => a.contentHash))).toEqual(new Set([contentHash(submittedV)]));
    const events = await db.select().from(reviewEvents).where(and(eq(reviewEvents.sectionId, s.id), eq(reviewEvents.event, "approve")));
    expect(events.map((e) => e.stageName).sort()).toEqual(["党办审核", "分管领导签批", "分管领导签批", "部门负责人审核"].sort());

    // Reopen voids every approval; the next round starts at stage 1 again.
    const re = await reopenSection(db, { sectionId: s.id, version: r.version, actor: await principal(db, "admin"), comment: "数据需更新" });
    expect(re.state).toBe("draft");
    const live = await db.select().from(sectionApprovals).where(and(eq(sectionApprovals.sectionId, s.id), isNull(sectionApprovals.voidedAt)));
    expect(live).toHaveLength(0);
  });

  it("refuses self-approval, a second approval and an editor of the department, each with a reason", async () => {
    const db = h.db;
    const s = await submitted("严明纪律规矩", "jjslead");
    expect(await why(approveAs(s.id, "jjslead"))).toBe("forbidden: 此版本由您提交，不能审核自己提交的内容");
    expect(await why(approveAs(s.id, "jjs2"))).toMatch(/^forbidden: /);
    expect(await why(approveAs(s.id, "reviewer"))).toBe("forbidden: 您不是「部门负责人审核」环节的审核人");
    // The lead submitted, so stage 1 waits for someone the admin picks (转交 by the admin).
    const v = (await reload(db, s.id)).version;
    expect(await code(delegateApproval(db, { sectionId: s.id, version: v, actor: await principal(db, "reviewer"), to: "dwb1" }))).toBe("forbidden");
    await delegateApproval(db, { sectionId: s.id, version: v, actor: await principal(db, "admin"), to: "ghlead" });
    expect(await approveAs(s.id, "ghlead")).toMatchObject({ stage: 2 });
    expect(await why(approveAs(s.id, "ghlead"))).toBe("forbidden: 您已在本轮审核中通过过此章节，同一人不能重复审核");
    expect(await code(withdrawSection(db, { sectionId: s.id, version: (await reload(db, s.id)).version, actor: await principal(db, "jjs1") }))).toBe("refused");
  });

  it("returns to the previous stage with a comment, voiding that stage's approval", async () => {
    const db = h.db;
    const s = await submitted("凝聚职工力量", "gh1");
    await approveAs(s.id, "ghlead");
    await approveAs(s.id, "reviewer");
    const back = await requestChanges(db, { sectionId: s.id, version: (await reload(db, s.id)).version, actor: await principal(db, "leader1"), comment: "请党办核对数字", returnToPrevious: true });
    expect(back).toMatchObject({ state: "in_review", stage: 2 });
    expect((await reviewInbox(db, await principal(db, "reviewer"))).map((i) => i.sectionId)).toContain(s.id);
    expect(await approveAs(s.id, "reviewer")).toMatchObject({ stage: 3 });
    const toEditors = await requestChanges(db, { sectionId: s.id, version: (await reload(db, s.id)).version, actor: await principal(db, "leader2"), comment: "请补充" });
    expect(toEditors).toMatchObject({ state: "changes_requested" });
    const live = await db.select().from(sectionApprovals).where(and(eq(sectionApprovals.sectionId, s.id), isNull(sectionApprovals.voidedAt)));
    expect(live).toHaveLength(0);
    // Fixed and resubmitted: a new round from stage 1; 党办 sees the changes since the version it returned.
    await writeText(db, s.id, "上半年发展党员5名，确定入党积极分子12名，其中青年职工8名。");
    const again = await submitSection(db, { sectionId: s.id, version: toEditors.version, actor: await principal(db, "gh1") });
    expect(again).toMatchObject({ state: "in_review", stage: 1 });
    await approveAs(s.id, "ghlead");
    const view = await getReviewView(db, await reload(db, s.id));
    expect(view.base?.kind).toBe("submitted");
    expect(view.base?.number).toBeLessThan(view.submitted!.number);
    expect(view.diff.filter((d) => d.kind === "added").map((d) => d.text).join("")).toContain("其中青年职工8名");
  });

  it("100 concurrent approvals at an `any` stage record one and advance once", async () => {
    const db = h.db;
    const s = await submitted("聚焦人才强企", "rlzy1");
    const at2 = await approveAs(s.id, "rlzylead");
    const actors = [await principal(db, "reviewer"), await principal(db, "admin")];
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => code(approveSection(db, { sectionId: s.id, version: at2.version, actor: actors[i % 2] }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(99);
    const stage2 = await db.select().from(sectionApprovals).where(and(eq(sectionApprovals.sectionId, s.id), eq(sectionApprovals.stage, 2)));
    expect(stage2).toHaveLength(1);
    expect(await reload(db, s.id)).toMatchObject({ state: "in_review", stage: 3, version: at2.version + 1 });
  });

  it("two leaders racing at the `all` stage are both recorded once, and it advances once", async () => {
    const db = h.db;
    const s = await submitted("党建融入生产", "scjs1");
    await approveAs(s.id, "scjslead");
    const at3 = await approveAs(s.id, "reviewer");
    const both = await Promise.all(["leader1", "leader2", "leader1", "leader2"].map(async (u) => code(approveSection(db, { sectionId: s.id, version: at3.version, actor: await principal(db, u) }))));
    expect(both.filter((r) => r === "ok")).toHaveLength(2);
    const stage3 = await db.select().from(sectionApprovals).where(and(eq(sectionApprovals.sectionId, s.id), eq(sectionApprovals.stage, 3)));
    expect(stage3.map((a) => a.approverId).sort()).toEqual([(await principal(db, "leader1")).id, (await principal(db, "leader2")).id].sort());
    const approved = await db.select().from(sectionVersions).where(and(eq(sectionVersions.sectionId, s.id), eq(sectionVersions.kind, "approved")));
    expect(approved).toHaveLength(1);
    expect(await reload(db, s.id)).toMatchObject({ state: "approved" });
  });

  it("refuses a chain change while a section is in review, and an empty stage", async () => {
    const db = h.db;
    const admin = await principal(db, "admin");
    const s = await submitted("压紧压实安全环保责任", "aqhb1");
    const body = { stages: [{ name: "审核", mode: "any", approvers: { role: "reviewer" } }] };
    expect(await code(setReportChain(db, { reportId: s.reportId, actor: admin, body }))).toBe("conflict");
    const empty = await setReportChain(db, { reportId: s.reportId, actor: admin, body: { stages: [{ name: "空", mode: "any", approvers: {} }] } }).catch((e) => e);
    expect(toErrorResponse(empty)).toMatchObject({ status: 422, body: { error: { code: "validation", message: "每个环节至少要指定一种审核人" } } });
    expect(await code(setReportChain(db, { reportId: s.reportId, actor: await principal(db, "reviewer"), body }))).toBe("forbidden");
    const [r] = await db.select().from(reports).where(eq(reports.id, s.reportId));
    expect(r.reviewChain.map((x) => x.name)).toEqual(["部门负责人审核", "党办审核", "分管领导签批"]);
  });
});
