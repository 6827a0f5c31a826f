import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notifications, reports, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { principal, sectionByTitle, writeText } from "@/lib/review/test-helpers";
import { addComment } from "./add-comment";
import { commentPanel } from "./comment-panel";
import { listThreads, openAnchors } from "./list-threads";
import { setCommentResolved } from "./set-resolved";

describe.each(testDbTargets())("comment threads on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  const userId = async (username: string) => (await h.db.select().from(users).where(eq(users.username, username)))[0].id;
  const notes = async (username: string, kind: string) =>
    h.db.select().from(notifications).where(and(eq(notifications.userId, await userId(username)), eq(notifications.kind, kind)));

  it("a reviewer's quote is anchored in the live text; the editor replies with an @mention; replies stay one level", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "严明纪律规矩");
    const reviewer = await principal(db, "reviewer");
    const root = await addComment(db, { sectionId: s.id, body: "请写明整改完成率", anchorText: "发现并督促整改问题15项" }, reviewer);
    expect(root).toMatchObject({ parentId: null, anchorText: "发现并督促整改问题15项", resolved: false, authorName: "郭书记" });
    expect(root.anchor).not.toBeNull();
    // The department's editors hear of the new comment (the other side).
    expect(await notes("jjs1", "comment_added")).toHaveLength(1);

    const editor = await principal(db, "jjs1");
    const reply = await addComment(db, { sectionId: s.id, body: "@郭书记 已补充，请再看", parentId: root.id }, editor);
    expect(reply).toMatchObject({ parentId: root.id, anchorText: "", anchor: null, mentions: [reviewer.id] });
    const mention = await notes("reviewer", "mention");
    expect(mention).toHaveLength(1);
    expect(mention[0]).toMatchObject({ title: "赵国强在《严明纪律规矩，正风肃纪久久为功》的批注中@了您", link: `/sections/${s.id}#comment-${root.id}` });
    // Mentioned: one notification, not a second one for the reply.
    expect(await notes("reviewer", "comment_reply")).toHaveLength(0);

    // A reply to a reply joins the thread; the thread's participants hear of it.
    const second = await addComment(db, { sectionId: s.id, body: "收到", parentId: reply.id, anchorText: "被忽略" }, await principal(db, "jjs2"));
    expect(second.parentId).toBe(root.id);
    expect(second.anchorText).toBe("");
    expect((await notes("reviewer", "comment_reply")).map((n) => n.title)).toEqual(["孙丽回复了《严明纪律规矩，正风肃纪久久为功》的批注"]);
    expect(await notes("jjs1", "comment_reply")).toHaveLength(1);

    const threads = await listThreads(db, s.id);
    expect(threads).toHaveLength(1);
    expect(threads[0].replies.map((r) => r.body)).toEqual(["@郭书记 已补充，请再看", "收到"]);
    expect((await openAnchors(db, s.id)).map((a) => a.id)).toEqual([root.id]);
  });

  it("only accounts who may read the section can be mentioned; a quote no longer in the text has no anchor", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "严明纪律规矩");
    const c = await addComment(db, { sectionId: s.id, body: "@李明 @dqb1 @孙丽 @jjs1x 看一下", anchorText: "这句话不在正文中" }, await principal(db, "reviewer"));
    // 李明 (dqb1) is in 党群工作部 and may not read 纪检监察室's section; jjs1x is nobody.
    expect(c.mentions).toEqual([await userId("jjs2")]);
    expect(c.anchorText).toBe("这句话不在正文中");
    expect(c.anchor).toBeNull();
    expect(await notes("dqb1", "mention")).toHaveLength(0);
  });

  it("refuses empty bodies, foreign sections, unknown or foreign threads, and a finalized report", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "严明纪律规矩");
    const other = await sectionByTitle(db, "凝聚职工力量");
    const reviewer = await principal(db, "reviewer");
    const [thread] = await listThreads(db, s.id);
    await expect(addComment(db, { sectionId: s.id, body: "  ", parentId: thread.id }, reviewer)).rejects.toThrow("请填写批注内容");
    await expect(addComment(db, { sectionId: s.id, body: "越权", parentId: thread.id }, await principal(db, "dqb1"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(addComment(db, { sectionId: s.id, body: "回复", parentId: "nope" }, reviewer)).rejects.toMatchObject({ code: "not_found" });
    await expect(addComment(db, { sectionId: other.id, body: "回复", parentId: thread.id }, reviewer)).rejects.toMatchObject({ code: "validation" });
    await expect(addComment(db, { sectionId: s.id, body: "x", anchorText: "发现", anchor: { start: { evil: 1 }, end: {} } as never }, reviewer)).rejects.toThrow("引用位置无效");
    await db.update(reports).set({ status: "finalized" }).where(eq(reports.id, s.reportId));
    try {
      await expect(addComment(db, { sectionId: s.id, body: "定稿后" }, reviewer)).rejects.toMatchObject({ code: "refused" });
      await expect(setCommentResolved(db, { commentId: thread.id, resolved: true, actor: reviewer })).rejects.toMatchObject({ code: "refused" });
    } finally {
      await db.update(reports).set({ status: "collecting" }).where(eq(reports.id, s.reportId));
    }
  });

  it("resolve and reopen: by the section's editors, not by others; a resolved thread is not highlighted", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "严明纪律规矩");
    const [thread] = await listThreads(db, s.id);
    await expect(setCommentResolved(db, { commentId: thread.id, resolved: true, actor: await principal(db, "gh1") })).rejects.toMatchObject({ code: "not_found" });
    await expect(setCommentResolved(db, { commentId: "nope", resolved: true, actor: await principal(db, "jjs1") })).rejects.toMatchObject({ code: "not_found" });
    // Resolving through a reply resolves its thread.
    const done = await setCommentResolved(db, { commentId: thread.replies[0].id, resolved: true, actor: await principal(db, "jjs2") });
    expect(done).toMatchObject({ id: thread.id, resolved: true, resolvedByName: "孙丽" });
    expect((await openAnchors(db, s.id)).map((a) => a.id)).not.toContain(thread.id);
    const again = await setCommentResolved(db, { commentId: thread.id, resolved: true, actor: await principal(db, "reviewer") });
    expect(again.resolvedByName).toBe("孙丽");
    const reopened = await setCommentResolved(db, { commentId: thread.id, resolved: false, actor: await principal(db, "reviewer") });
    expect(reopened).toMatchObject({ resolved: false, resolvedAt: null, resolvedByName: null });
    expect((await openAnchors(db, s.id)).map((a) => a.id)).toContain(thread.id);
  });

  it("the panel: who may resolve and whom one may mention", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "严明纪律规矩");
    const editor = await commentPanel(db, s.id, await principal(db, "jjs1"));
    expect(editor.canComment).toBe(true);
    expect(editor.threads.every((t) => t.canResolve)).toBe(true);
    const names = editor.candidates.map((c) => c.username);
    expect(names).toEqual(expect.arrayContaining(["reviewer", "admin", "jjs2", "jjslead", "leader1"]));
    expect(names).not.toContain("jjs1");
    expect(names).not.toContain("dqb1");
    const outsider = await commentPanel(db, s.id, await principal(db, "gh1"));
    expect(outsider).toEqual({ threads: [], canComment: false, candidates: [] });
  });

  it("an anchor sent by the editor (its selection) is stored as sent, not looked up again", async () => {
    const db = h.db;
    const s = await sectionByTitle(db, "凝聚职工力量");
    const reviewer = await principal(db, "reviewer");
    await writeText(db, s.id, "全新的正文。");
    const sent = { start: { type: null, tname: "default", item: null, assoc: -1 }, end: { type: null, tname: "default", item: null, assoc: -1 } };
    const d = await addComment(db, { sectionId: s.id, body: "整体", anchorText: "全新", anchor: sent }, reviewer);
    expect(d.anchor).toEqual(sent);
  });
});
