/**
 * Comment threads in Chromium: the reviewer selects words in the section's (read-only) editor
 * and comments on them; an editor sees the words highlighted; a colleague types before them and
 * elsewhere and the highlight still covers the same words; the editor opens the thread from
 * the highlight and replies with an @mention picked in the completion popup (the reviewer's bell
 * shows it within 2 s, no reload); resolving removes
 * the highlight and folds the thread under 已解决. Bad input over the JSON API. Screenshots of
 * the highlighted editor and the thread panel at 1366 and 390 px.
 */
import { expect, test, type Page } from "@playwright/test";
import type { RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { editorOf, editorText, findSection, typeAtEnd } from "../collab/support";
import { fire, sectionInfo, selectText, startReviewServer } from "../review/support";

const QUOTE = "发现并督促整改问题15项";
let server: RunningServer;
test.beforeAll(async () => {
  server = await startReviewServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const highlight = (page: Page) => page.locator(".hegao-comment");
const threads = (page: Page) => page.getByTestId("comment-thread");

/** Puts the caret at the very start of the body (through Tiptap) and types `text`. */
async function typeAtStart(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.evaluate((el) => (el as unknown as { editor: { commands: { focus(p: string): void } } }).editor.commands.focus("start"));
  await expect(editor).toBeFocused();
  await page.keyboard.insertText(text);
}

test("quote → highlight that follows edits → reply with @mention → resolve folds it", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const reviewer = await signedInPage(browser, server.url, "reviewer", "/reports");
  const { id } = await findSection(reviewer.request, server.url, "严明纪律规矩");

  // The reviewer selects the words in the read-only editor and comments on them.
  await reviewer.goto(`/sections/${id}`);
  await expect(editorOf(reviewer)).toContainText(QUOTE);
  const button = reviewer.getByTestId("comment-selection");
  await expect(button).toBeDisabled();
  await selectText(reviewer, "section-editor", QUOTE);
  await expect(button).toBeEnabled();
  await button.click();
  await expect(reviewer.getByTestId("comment-draft-quote")).toHaveText(QUOTE);
  await reviewer.getByTestId("comment-form").getByRole("combobox").fill("请写明整改完成率");
  await reviewer.getByTestId("comment-form").getByRole("button", { name: "添加批注" }).click();
  await expect(threads(reviewer)).toHaveCount(1, { timeout: 30_000 });
  await expect(threads(reviewer).getByTestId("comment-quote")).toHaveText(QUOTE);
  await expect(highlight(reviewer)).toHaveText(QUOTE);

  // The editors see the words highlighted; a colleague types before them and elsewhere.
  const editor = await signedInPage(browser, server.url, "jjs1", `/sections/${id}`);
  await expect(highlight(editor)).toHaveText(QUOTE);
  const colleague = await signedInPage(browser, server.url, "jjs2", `/sections/${id}`);
  await expect(highlight(colleague)).toHaveText(QUOTE);
  await typeAtStart(colleague, "上半年，");
  await typeAtEnd(colleague, "下一步继续加强监督。");
  await expect.poll(() => editorText(editor)).toContain("上半年，围绕物资采购");
  await expect.poll(() => editorText(editor)).toContain("下一步继续加强监督。");
  await expect(highlight(editor)).toHaveText(QUOTE);
  await expect(highlight(colleague)).toHaveText(QUOTE);
  await attachScreenshot(testInfo, "editor-highlight-1366", editor.getByTestId("section-editor-card"));

  // The editor opens the thread from the highlight and replies, @mentioning the reviewer.
  await highlight(editor).click();
  await expect(threads(editor).first()).toHaveAttribute("data-active", "true");
  await threads(editor).first().getByTestId("comment-reply").click();
  const box = editor.getByTestId("reply-form").getByRole("combobox");
  await box.pressSequentially("@郭");
  const popup = editor.getByTestId("mention-popup");
  await expect(popup.getByRole("option")).toHaveCount(1);
  await expect(popup.getByRole("option").first()).toContainText("郭书记");
  await attachScreenshot(testInfo, "mention-popup-1366", editor.getByTestId("comments-card"));
  await box.press("Enter");
  await expect(popup).toBeHidden();
  await expect(box).toHaveValue("@郭书记 ");
  await box.pressSequentially("已补充：整改完成率100%");
  await attachScreenshot(testInfo, "thread-panel-replying-1366", editor.getByTestId("comments-card"));
  // The reviewer's bell (page open, no reload) hears of the @mention within 2 s.
  const bell = reviewer.getByTestId("notification-count");
  const before = (await bell.count()) ? Number(await bell.textContent()) : 0;
  await editor.getByTestId("reply-form").getByRole("button", { name: "回复" }).click();
  await expect(bell).toHaveText(String(before + 1), { timeout: 2_000 });
  await reviewer.getByTestId("notification-bell").click();
  await expect(reviewer.getByTestId("notification-item").first()).toContainText("@");
  await reviewer.getByTestId("notification-bell").click();
  const replies = threads(editor).first().getByTestId("comment-replies");
  await expect(replies).toContainText("已补充：整改完成率100%", { timeout: 30_000 });
  await expect(replies.getByTestId("mention")).toHaveText("@郭书记");
  const api = (await (await editor.request.get(`${server.url}/api/sections/${id}/comments`)).json()) as {
    threads: { id: string; resolved: boolean; anchored: boolean; replies: { mentions: string[]; author: { name: string } }[] }[];
  };
  expect(api.threads).toHaveLength(1);
  expect(api.threads[0]).toMatchObject({ anchored: true, resolved: false });
  expect(api.threads[0].replies[0]).toMatchObject({ author: { name: "赵国强" } });
  expect(api.threads[0].replies[0].mentions).toHaveLength(1);
  await attachScreenshot(testInfo, "thread-panel-1366", editor.getByTestId("comments-card"));

  // At phone width the editor and the threads stack.
  await editor.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "editor-highlight-390", editor.getByTestId("section-editor-card"));
  await attachScreenshot(testInfo, "thread-panel-390", editor.getByTestId("comments-card"));
  await editor.setViewportSize({ width: 1366, height: 768 });

  // Resolving removes the highlight and folds the thread.
  await threads(editor).first().getByTestId("comment-resolve").click();
  await expect(highlight(editor)).toHaveCount(0, { timeout: 30_000 });
  await expect(editor.getByTestId("open-threads")).toHaveCount(0);
  const fold = editor.getByTestId("resolved-threads");
  await expect(fold).toContainText("已解决 1 条");
  await expect(threads(editor)).toHaveCount(0);
  await fold.getByRole("button").click();
  await expect(threads(editor)).toHaveCount(1);
  await expect(threads(editor).first()).toHaveAttribute("data-resolved", "true");
  await expect(threads(editor).first()).toContainText("已由 赵国强 标记为已解决");
  await attachScreenshot(testInfo, "thread-resolved-1366", editor.getByTestId("comments-card"));
  // The colleague's page shows the same after a reload.
  await colleague.reload();
  await expect(editorOf(colleague)).toContainText(QUOTE);
  await expect(highlight(colleague)).toHaveCount(0);

  // Reopened over the API: highlighted again.
  const threadId = api.threads[0].id;
  const reopened = await reviewer.request.post(`${server.url}/api/comments/${threadId}/resolve`, { data: { resolved: false }, headers: { origin: server.url } });
  expect(reopened.status()).toBe(200);
  expect(await reopened.json()).toMatchObject({ id: threadId, resolved: false });
  await colleague.reload();
  await expect(highlight(colleague)).toHaveText(QUOTE);
});

test("the comment API: 201, replies, reopen, and its refusals", async ({ browser }) => {
  const reviewer = await signedInPage(browser, server.url, "reviewer", "/reports");
  const outsider = await signedInPage(browser, server.url, "dqb1", "/reports");
  const { id } = await findSection(reviewer.request, server.url, "凝聚职工力量");
  const post = (page: Page, path: string, data: unknown) =>
    page.request.post(`${server.url}${path}`, { data: data as object, headers: { origin: server.url } });

  const created = await post(reviewer, `/api/sections/${id}/comments`, { body: "请补充参赛人数 @刘洋", anchorText: "举办劳动技能竞赛4场" });
  expect(created.status()).toBe(201);
  const c = (await created.json()) as { id: string; anchored: boolean; mentions: string[]; parentId: string | null };
  expect(c).toMatchObject({ anchored: true, parentId: null });
  expect(c.mentions).toHaveLength(1);
  const reply = await post(reviewer, `/api/sections/${id}/comments`, { body: "另：请附照片", parentId: c.id });
  expect(reply.status()).toBe(201);
  expect(await reply.json()).toMatchObject({ parentId: c.id });

  const bad = [
    [reviewer, `/api/sections/${id}/comments`, { body: "" }, 422],
    [reviewer, `/api/sections/${id}/comments`, { body: "x", extra: 1 }, 422],
    [reviewer, `/api/sections/${id}/comments`, { body: "x", parentId: "nope" }, 404],
    [reviewer, `/api/sections/nope/comments`, { body: "x" }, 404],
    [outsider, `/api/sections/${id}/comments`, { body: "越权" }, 403],
    [outsider, `/api/comments/${c.id}/resolve`, {}, 404],
    [reviewer, `/api/comments/${c.id}/resolve`, { resolved: "yes" }, 422],
    [reviewer, `/api/sections/${id}/comments`, { body: "x", anchorText: "竞赛", anchor: { start: { evil: 1 }, end: {} } }, 422],
  ] as const;
  for (const [page, path, data, status] of bad) {
    const res = await post(page, path, data);
    expect(res.status(), `${path} ${JSON.stringify(data)}`).toBe(status);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBeTruthy();
    expect(error.message, "a Chinese message").toMatch(/[\u4e00-\u9fa5]/);
  }
  const resolved = await post(reviewer, `/api/comments/${c.id}/resolve`, {});
  expect(await resolved.json()).toMatchObject({ resolved: true, resolvedBy: "郭书记" });
  const reopened = await post(reviewer, `/api/comments/${c.id}/reopen`, {});
  expect(await reopened.json()).toMatchObject({ resolved: false, resolvedBy: null });
});

test("review page: a quote from the frozen text is highlighted in the editor; earlier and resolved threads fold", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const editor = await signedInPage(browser, server.url, "gh1", "/reports");
  const { id } = await findSection(editor.request, server.url, "凝聚职工力量");
  const info = await sectionInfo(editor.request, server.url, id);
  expect((await fire(editor.request, server.url, id, { event: "submit", version: info.version })).status).toBe(200);

  const reviewer = await signedInPage(browser, server.url, "reviewer", `/sections/${id}/review`);
  // The thread written before this submission (the API test's) is folded as an earlier round.
  const earlier = reviewer.getByTestId("earlier-threads");
  await expect(earlier).toContainText("以往审核轮次的批注 1 条");
  await expect(threads(reviewer)).toHaveCount(0);
  await selectText(reviewer, "diff-view", "青年突击队承担技术攻关课题5项");
  await expect(reviewer.getByTestId("comment-quote")).toHaveText("青年突击队承担技术攻关课题5项");
  await reviewer.getByLabel("批注内容").fill("请列出课题名称");
  await reviewer.getByRole("button", { name: "添加批注" }).click();
  await expect(threads(reviewer)).toHaveCount(1);
  await expect(threads(reviewer).first()).toContainText("请列出课题名称");
  await earlier.getByRole("button").click();
  await expect(threads(reviewer)).toHaveCount(2);
  await threads(reviewer).filter({ hasText: "请补充参赛人数" }).getByTestId("comment-resolve").click();
  await expect(reviewer.getByTestId("resolved-threads")).toContainText("已解决 1 条");
  await expect(earlier).toHaveCount(0);
  await expect(threads(reviewer)).toHaveCount(1);
  await attachScreenshot(testInfo, "review-page-threads-1366", reviewer, true);

  // The editor (read-only while in review) sees the quote highlighted in the live text.
  await editor.goto(`/sections/${id}`);
  await expect(highlight(editor)).toHaveText("青年突击队承担技术攻关课题5项");
  await expect(editor.locator(".hegao-comment-active")).toHaveCount(0);
  // Its quote in the sidebar shows the words in the editor.
  const thread = threads(editor).filter({ hasText: "请列出课题名称" });
  await thread.getByTestId("comment-quote").click();
  await expect(editor.locator(".hegao-comment-active")).toHaveText("青年突击队承担技术攻关课题5项");
  await expect(thread).toHaveAttribute("data-active", "true");
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "review-page-threads-390", reviewer, true);
});
