/**
 * Issue 16, the texts people look at: submissions numbered 提交稿 1, 2 (the approved one
 * "提交稿 n（已通过）"), a review diff that says what it compares with 字数 counted like the
 * editor; restoring 提交稿 1 from the history page is a live edit the other editor sees without
 * reconnecting, and it is in the audit. Screenshots at 1366 and 390 px.
 */
import { expect, test } from "@playwright/test";
import { countWords } from "@/lib/text/word-count";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { editorText, typeAtEnd, findSection } from "../collab/support";
import { fire, sectionInfo } from "../review/support";
import { saved } from "../main-job/support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const SECTION = "聚焦人才强企"; // 人力资源部 (rlzy1, rlzy2); no placeholders in the demo text

test("提交稿 numbering, a plain diff caption, and a live restore from the history page", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const one = await signedInPage(browser, server.url, "rlzy1", "/reports");
  const reviewer = await signedInPage(browser, server.url, "reviewer", "/reports");
  const { id } = await findSection(one.context().request, server.url, SECTION);
  const fireAs = async (page: typeof one, event: string, comment?: string) => {
    const { version } = await sectionInfo(page.context().request, server.url, id);
    const r = await fire(page.context().request, server.url, id, { event, version, comment });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  };

  // 提交稿 1, returned; the editors add a sentence; 提交稿 2.
  await fireAs(one, "submit");
  await fireAs(reviewer, "request_changes", "请补充人才引进的数据");
  await one.goto(`/sections/${id}`);
  const added = "引进高层次人才5名，其中博士2名。";
  await expect(one.locator(".ProseMirror[contenteditable=true]")).toBeVisible({ timeout: 20_000 });
  const original = await editorText(one);
  await typeAtEnd(one, added);
  await saved(one);
  const withAddition = await editorText(one);
  await fireAs(one, "submit");

  await reviewer.goto(`/sections/${id}/review`);
  await expect(reviewer.getByTestId("review-version")).toHaveText("提交稿 2");
  await expect(reviewer.getByTestId("diff-caption")).toHaveText(`与上次退回时的提交稿 1 相比：新增 ${countWords(added)} 字，删除 0 字`);
  await attachScreenshot(testInfo, "review-caption-1366", reviewer);
  await fireAs(reviewer, "request_changes", "数据口径不一致，先恢复第一次提交的内容");

  // Both editors in the section; the second restores 提交稿 1 from the history page.
  const two = await signedInPage(browser, server.url, "rlzy2", `/sections/${id}`);
  await one.goto(`/sections/${id}`);
  await expect.poll(() => editorText(two)).toBe(withAddition);
  const history = await two.context().newPage();
  await history.goto(`/sections/${id}/history`);
  await expect(history.getByTestId("version-label")).toHaveText(["提交稿 2", "提交稿 1"]);
  await expect(history.getByTestId("audit-log")).toContainText("提交稿 2");
  await history.getByTestId("version-label").filter({ hasText: "提交稿 1" }).click();
  await expect(history.getByTestId("version-text")).toContainText("提交稿 1");
  let nativeDialogs = 0;
  history.on("dialog", (d) => { nativeDialogs++; void d.dismiss(); });
  await history.getByTestId("restore-version").click();
  const dialog = history.getByRole("alertdialog");
  await expect(dialog).toContainText("把正文恢复为提交稿 1？");
  await expect(dialog).toContainText("正在编辑本节的同事会立即看到这一修改");
  await attachScreenshot(testInfo, "restore-dialog-1366", history);
  await history.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "restore-dialog-390", history);
  await history.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByRole("button", { name: "恢复" }).click();
  await expect(history.getByTestId("restore-result")).toContainText("已恢复为提交稿 1");
  expect(nativeDialogs).toBe(0);

  // The first editor sees it live, still connected and still writing.
  await expect.poll(() => editorText(one)).not.toContain(added);
  expect(await editorText(one)).toBe(original);
  await expect(one.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await typeAtEnd(one, "恢复后继续写。");
  await expect.poll(() => editorText(two)).toContain("恢复后继续写。");

  await history.reload();
  const restoreRow = history.locator('[data-event="restore"]');
  await expect(restoreRow).toContainText("恢复历史版本");
  await expect(restoreRow).toContainText("吴敏");
  await expect(restoreRow).toContainText("恢复为提交稿 1");
  await attachScreenshot(testInfo, "history-restored-1366", history, true);
  await history.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "history-restored-390", history, true);

  // Approve 提交稿 3: the history calls it 提交稿 3（已通过）, and nobody may restore any more.
  await saved(one);
  await fireAs(one, "submit");
  await fireAs(reviewer, "approve");
  await history.reload();
  await expect(history.getByTestId("version-label")).toHaveText(["提交稿 3（已通过）", "提交稿 3", "提交稿 2", "提交稿 1"]);
  await history.getByTestId("version-label").filter({ hasText: "提交稿 1" }).click();
  await expect(history.getByTestId("version-text")).toBeVisible();
  await expect(history.getByTestId("restore-version")).toHaveCount(0);
  for (const p of [one, two, reviewer]) await p.context().close();
});
