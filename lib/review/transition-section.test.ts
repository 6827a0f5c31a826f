import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reports, reviewEvents, sectionVersions } from "@/db/schema";
import { onSectionState, registerFlush } from "@/lib/collab/bus";
import { seedDemo } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { approveSection, reopenSection, requestChanges, submitSection, withdrawSection } from "./commands";
import { loadSectionContent } from "./section-doc";
import { principal, reload, sectionByTitle, writeText } from "./test-helpers";

const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e instanceof AppError ? e.code : String(e)));

describe.each(testDbTargets())("review transitions on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("refuses submit while placeholders remain, and accepts it once they are filled", async () => {
    const db = h.db;
    const dqb1 = await principal(db, "dqb1");
    const s = await sectionByTitle(db, "夯实基层基础");
    await expect(submitSection(db, { sectionId: s.id, version: s.version, actor: dqb1 })).rejects.toMatchObject({
      code: "refused", message: "还有 1 处待补充内容（如 X名），请补充后再提交，或标记为有意保留",
    });
    expect((await reload(db, s.id)).state).toBe("draft");
    await writeText(db, s.id, "上半年发展党员5名，确定入党积极分子12名。");
    const states: string[] = [];
    const off = onSectionState((c) => c.sectionId === s.id && states.push(c.state));
    const r = await submitSection(db, { sectionId: s.id, version: s.version, actor: dqb1 });
    off();
    expect(r).toMatchObject({ from: "draft", state: "in_review", version: s.version + 1 });
    expect(states).toEqual(["in_review"]);
    const [v] = await db.select().from(sectionVersions).where(eq(sectionVersions.id, r.versionId!));
    expect(v).toMatchObject({ number: 1, kind: "submitted", text: "上半年发展党员5名，确定入党积极分子12名。" });
    const [audit] = await db.select().from(reviewEvents).where(eq(reviewEvents.id, r.eventId));
    expect(audit).toMatchObject({ actorId: dqb1.id, event: "submit", fromState: "draft", toState: "in_review", versionId: v.id });
  });

  it("freezes what the collaboration server flushes just before submit", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "压紧压实安全环保责任");
    registerFlush(async (id) => {
      if (id === s.id) await writeText(db, s.id, "刚刚输入、尚未保存的文字。");
    });
    try {
      const r = await submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "aqhb1") });
      const [v] = await db.select().from(sectionVersions).where(eq(sectionVersions.id, r.versionId!));
      expect(v.text).toBe("刚刚输入、尚未保存的文字。");
    } finally {
      registerFlush(async () => {});
    }
  });

  it("rejects a stale version with a conflict and leaves the section alone", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "夯实基层基础"); // in_review, version 2
    const err = await approveSection(db, { sectionId: s.id, version: s.version - 1, actor: await principal(db, "reviewer") }).catch((e) => e);
    expect(err).toMatchObject({ code: "conflict", message: "内容已被他人修改，请刷新后重试" });
    expect(await reload(db, s.id)).toMatchObject({ state: "in_review", version: s.version });
  });

  it("lets exactly one of many racing approvals win", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "夯实基层基础");
    const reviewer = await principal(db, "reviewer");
    const admin = await principal(db, "admin");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => code(approveSection(db, { sectionId: s.id, version: s.version, actor: i % 2 ? admin : reviewer }))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(9);
    const approvals = await db.select().from(reviewEvents).where(eq(reviewEvents.sectionId, s.id));
    expect(approvals.filter((e) => e.event === "approve")).toHaveLength(1);
    expect(await reload(db, s.id)).toMatchObject({ state: "approved", version: s.version + 1 });
  });

  it("keeps the approved version equal to the submitted text even after later writes", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "夯实基层基础");
    await writeText(db, s.id, "审核通过后有人偷偷改的文字 XX名");
    expect((await loadSectionContent(db, s.id)).text).toContain("偷偷改");
    const versions = await db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, s.id));
    const submitted = versions.find((v) => v.kind === "submitted")!;
    const approved = versions.find((v) => v.kind === "approved")!;
    expect(approved.number).toBe(2);
    expect(approved.text).toBe(submitted.text);
    expect(approved.contentJson).toEqual(submitted.contentJson);
    expect(Buffer.from(approved.yjsState).equals(Buffer.from(submitted.yjsState))).toBe(true);
    expect((await reload(db, s.id)).lastReviewedVersionId).toBe(approved.id);
  });

  it("requires a comment to request changes, and records it", async () => {
    const db = h.db;
    const jjs1 = await principal(db, "jjs1");
    const reviewer = await principal(db, "reviewer");
    let s = await sectionByTitle(db, "严明纪律规矩");
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: jjs1 });
    await expect(requestChanges(db, { sectionId: s.id, version: sub.version, actor: reviewer, comment: "  " })).rejects.toMatchObject({
      code: "validation", field: "comment", message: "退回修改需要填写意见",
    });
    const r = await requestChanges(db, { sectionId: s.id, version: sub.version, actor: reviewer, comment: "请补充具体数字" });
    expect(r).toMatchObject({ state: "changes_requested", versionId: sub.versionId });
    s = await reload(db, s.id);
    expect(s.lastReviewedVersionId).toBe(sub.versionId);
    const [audit] = await db.select().from(reviewEvents).where(eq(reviewEvents.id, r.eventId));
    expect(audit).toMatchObject({ event: "request_changes", comment: "请补充具体数字", actorId: reviewer.id });
    // The editor resubmits from changes_requested: a second submitted version.
    const again = await submitSection(db, { sectionId: s.id, version: s.version, actor: jjs1 });
    expect(again.state).toBe("in_review");
  });

  it("lets the editor withdraw and only an admin reopen with a reason", async () => {
    const db = h.db;
    const gh1 = await principal(db, "gh1");
    const s = await sectionByTitle(db, "凝聚职工力量");
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: gh1 });
    const back = await withdrawSection(db, { sectionId: s.id, version: sub.version, actor: gh1 });
    expect(back.state).toBe("draft");
    const sub2 = await submitSection(db, { sectionId: s.id, version: back.version, actor: gh1 });
    const ok = await approveSection(db, { sectionId: s.id, version: sub2.version, actor: await principal(db, "reviewer") });
    expect(await code(reopenSection(db, { sectionId: s.id, version: ok.version, actor: await principal(db, "reviewer"), comment: "x" }))).toBe("forbidden");
    await expect(reopenSection(db, { sectionId: s.id, version: ok.version, actor: await principal(db, "admin") })).rejects.toMatchObject({ field: "comment" });
    const re = await reopenSection(db, { sectionId: s.id, version: ok.version, actor: await principal(db, "admin"), comment: "数据需更新" });
    expect(re).toMatchObject({ from: "approved", state: "draft", versionId: ok.versionId });
  });

  it("refuses the wrong actors with forbidden and impossible events with refused", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "聚焦人才强企"); // 人力资源部, draft
    const v = s.version;
    expect(await code(submitSection(db, { sectionId: s.id, version: v, actor: await principal(db, "dqb1") }))).toBe("forbidden");
    expect(await code(submitSection(db, { sectionId: s.id, version: v, actor: await principal(db, "reviewer") }))).toBe("forbidden");
    const sub = await submitSection(db, { sectionId: s.id, version: v, actor: await principal(db, "rlzy1") });
    expect(await code(approveSection(db, { sectionId: s.id, version: sub.version, actor: await principal(db, "rlzy2") }))).toBe("forbidden");
    // Submitting again while in review: not possible in this state (fresh version) → refused.
    expect(await code(submitSection(db, { sectionId: s.id, version: sub.version, actor: await principal(db, "rlzy1") }))).toBe("refused");
    // … and with a stale version → conflict (someone moved it).
    expect(await code(submitSection(db, { sectionId: s.id, version: v, actor: await principal(db, "rlzy1") }))).toBe("conflict");
    expect(await code(approveSection(db, { sectionId: "nope", version: 1, actor: await principal(db, "reviewer") }))).toBe("not_found");
  });
  it("refuses every transition while the report is finalized", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "党建融入生产");
    expect(s.state).toBe("draft");
    await db.update(reports).set({ status: "finalized" }).where(eq(reports.id, s.reportId));
    try {
      await expect(submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "scjs1") })).rejects.toMatchObject({
        code: "refused", message: expect.stringContaining("已定稿"),
      });
      expect(await reload(db, s.id)).toMatchObject({ state: s.state, version: s.version });
    } finally {
      await db.update(reports).set({ status: "collecting" }).where(eq(reports.id, s.reportId));
    }
  });
});
