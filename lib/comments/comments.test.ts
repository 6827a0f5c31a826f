import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { submitSection } from "@/lib/review/commands";
import { listReviewEvents, listVersions, getVersionByNumber } from "@/lib/review/history";
import { getReviewView } from "@/lib/review/review-view";
import { principal, reload, sectionByTitle, writeText } from "@/lib/review/test-helpers";
import { requestChanges } from "@/lib/review/commands";
import { addComment } from "./add-comment";
import { listComments } from "./list-threads";

describe.each(testDbTargets())("comments, history and the review view on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("anchors a reviewer's comment to the submitted version and refuses empty or foreign ones", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "严明纪律规矩");
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "jjs1") });
    const reviewer = await principal(db, "reviewer");
    const c = await addComment(db, { sectionId: s.id, body: "请写明整改完成率", anchorText: "发现并督促整改问题15项" }, reviewer);
    expect(c).toMatchObject({ authorName: "郭书记", anchorText: "发现并督促整改问题15项", versionId: sub.versionId });
    await expect(addComment(db, { sectionId: s.id, body: "   " }, reviewer)).rejects.toThrow("请填写批注内容");
    await expect(addComment(db, { sectionId: s.id, body: "越权" }, await principal(db, "dqb1"))).rejects.toMatchObject({ code: "forbidden" });
    expect((await listComments(db, s.id)).map((x) => x.body)).toEqual(["请写明整改完成率"]);
  });

  it("diffs a resubmission against the version the reviewer returned, and lists the history", async () => {
    const db = h.db;
    let s = await sectionByTitle(db, "严明纪律规矩");
    const first = await getReviewView(db, s);
    expect(first.base).toBeNull();
    expect(first.diff).toEqual([{ kind: "added", text: first.submitted!.text }]);

    await requestChanges(db, { sectionId: s.id, version: s.version, actor: await principal(db, "reviewer"), comment: "补充数字" });
    await writeText(db, s.id, "开展专项监督检查3轮，发现并督促整改问题15项，整改完成率100%。");
    s = await reload(db, s.id);
    await submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "jjs1") });
    s = await reload(db, s.id);
    const second = await getReviewView(db, s);
    expect(second.base?.number).toBe(1);
    expect(second.submitted?.number).toBe(2);
    expect(second.diff.some((p) => p.kind === "added" && p.text.includes("100%"))).toBe(true);
    expect(second.diff.some((p) => p.kind === "removed")).toBe(true);

    const events = await listReviewEvents(db, s.id);
    expect(events.map((e) => `${e.event}:${e.fromState}->${e.toState}:${e.versionNumber}:${e.actorName}`)).toEqual([
      "submit:changes_requested->in_review:2:赵国强", "request_changes:in_review->changes_requested:1:郭书记", "submit:draft->in_review:1:赵国强",
    ]);
    expect(events[1].comment).toBe("补充数字");
    expect((await listVersions(db, s.id)).map((v) => `${v.number}${v.kind}`)).toEqual(["2submitted", "1submitted"]);
    expect((await getVersionByNumber(db, s.id, 2))?.text).toContain("整改完成率100%");
    expect(await getVersionByNumber(db, s.id, 9)).toBeNull();
  });
});
