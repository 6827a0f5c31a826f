/**
 * The whole review loop in Chromium: the editor (dqb1) is stopped by the placeholder check
 * (`X名`), fills the blank, submits; the open editors turn read-only live; the reviewer sees
 * the diff, comments on a quoted phrase and requests changes; the editor sees the comment,
 * edits and resubmits; the reviewer sees only the new words as added and approves. The
 * dashboard shows each step. Screenshots of the dashboard, review page and sidebar.
 */
import { expect, test, type Page } from "@playwright/test";
import type { RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { editorOf, findSection, typeAtEnd } from "../collab/support";
import { demoReportId, selectText, startReviewServer } from "./support";

const SHOTS = "test-results/review-shots";
let server: RunningServer;
test.beforeAll(async () => {
  server = await startReviewServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The dashboard row state of the section, as `page` (reviewer) sees it after a reload. */
async function dashboardState(page: Page, reportId: string, sectionId: string): Promise<string | null> {
  await page.goto(`/reports/${reportId}`);
  return page.locator(`[data-testid="section-row"][data-section="${sectionId}"]`).getAttribute("data-state");
}

test("submit, request changes, resubmit, approve", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, server.url, "dqb1", "/reports");
  const reportId = await demoReportId(editor.request, server.url);
  const { id } = await findSection(editor.request, server.url, "夯实基层基础");
  const board = await signedInPage(browser, server.url, "reviewer", `/reports/${reportId}`);
  expect(await dashboardState(board, reportId, id)).toBe("draft");

  // The editor lands on their department's rows and opens the section.
  await editor.goto(`/reports/${reportId}`);
  const rows = editor.getByTestId("section-row");
  await expect(rows).toHaveCount(2);
  await expect(editor.getByTestId("show-all")).toBeVisible();
  await editor.screenshot({ path: `${SHOTS}/dashboard-editor.png`, fullPage: true });
  await editor.getByRole("link", { name: "（二）夯实基层基础，组织建设全面加强" }).click();
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "true");
  await expect(editor.locator(".hegao-placeholder")).toHaveText("X");
  await expect(editor.locator(".hegao-placeholder")).toHaveAttribute("title", "待补充内容：X名");

  // A colleague has the same section open.
  const colleague = await signedInPage(browser, server.url, "dqb2", `/sections/${id}`);
  await expect(editorOf(colleague)).toHaveAttribute("contenteditable", "true");

  // The placeholder check blocks submit.
  const sidebar = editor.getByTestId("section-sidebar");
  await sidebar.getByRole("button", { name: "提交审核" }).click();
  await expect(sidebar.getByRole("alert")).toHaveText("还有 1 处待补充内容（如 X名），请补充后再提交，或标记为有意保留");
  await editor.screenshot({ path: `${SHOTS}/sidebar-refused.png` });

  // Fill the blank: select the highlighted X and type over it.
  await editor.locator(".hegao-placeholder").evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await editor.keyboard.insertText("5");
  await expect(editor.locator(".hegao-placeholder")).toHaveCount(0);
  await expect(editor.getByTestId("placeholder-count")).toHaveText("待补充：0 处");
  await expect(editor.getByTestId("save-status")).toHaveText("已保存");
  await sidebar.getByRole("button", { name: "提交审核" }).click();

  // Both open editors turn read-only live; the sidebar shows 审核中.
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "false");
  await expect(editorOf(colleague)).toHaveAttribute("contenteditable", "false");
  await expect(sidebar.getByTestId("state-label")).toHaveText("审核中");
  await expect(sidebar.getByRole("button", { name: "撤回提交" })).toBeVisible();
  expect(await dashboardState(board, reportId, id)).toBe("in_review");
  await board.screenshot({ path: `${SHOTS}/dashboard-in-review.png`, fullPage: true });

  // The reviewer opens the review page from the dashboard: first review, all text added.
  await board.getByRole("link", { name: "（二）夯实基层基础，组织建设全面加强" }).click();
  await expect(board).toHaveURL(new RegExp(`/sections/${id}/review$`));
  await expect(board.getByText("首次审核：全文均为新增内容")).toBeVisible();
  await expect(board.getByTestId("diff-added")).toContainText("上半年发展党员5名");
  await selectText(board, "diff-view", "发展党员5名");
  await expect(board.getByTestId("comment-quote")).toHaveText("发展党员5名");
  await board.getByLabel("批注内容").fill("请注明其中预备党员人数");
  await board.getByRole("button", { name: "添加批注" }).click();
  await expect(board.getByTestId("comment")).toContainText("请注明其中预备党员人数");
  const decision = board.getByTestId("decision");
  await decision.getByRole("button", { name: "退回修改" }).click();
  await expect(decision.getByRole("alert")).toHaveText("退回修改需要填写意见");
  await decision.getByLabel("退回意见（必填）").fill("请补充发展党员的结构情况");
  await board.screenshot({ path: `${SHOTS}/review-first.png` });
  await decision.getByRole("button", { name: "退回修改" }).click();
  await expect(board.getByTestId("decision-closed")).toContainText("退回修改");

  // The editor's page turns writable and shows the reviewer's comments.
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "true");
  await expect(sidebar.getByTestId("returned-comment")).toContainText("请补充发展党员的结构情况");
  await expect(sidebar.getByTestId("comment")).toContainText("发展党员5名");
  await expect(sidebar.getByTestId("comment")).toContainText("请注明其中预备党员人数");
  await editor.screenshot({ path: `${SHOTS}/sidebar-returned.png` });
  expect(await dashboardState(board, reportId, id)).toBe("changes_requested");

  await typeAtEnd(editor, "其中预备党员3名。");
  await expect(editor.getByTestId("save-status")).toHaveText("已保存");
  await sidebar.getByRole("button", { name: "提交审核" }).click();
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "false");
  expect(await dashboardState(board, reportId, id)).toBe("in_review");

  // The reviewer sees just the new sentence as added, and approves.
  await board.goto(`/sections/${id}/review`);
  await expect(board.getByText(/与上次退回时的提交稿 1 相比/)).toBeVisible();
  await expect(board.getByTestId("diff-added")).toHaveText(["\n其中预备党员3名。"]);
  await expect(board.getByTestId("diff-removed")).toHaveCount(0);
  await board.screenshot({ path: `${SHOTS}/review-second.png` });
  await board.getByTestId("decision").getByRole("button", { name: "通过" }).click();
  await expect(board.getByTestId("decision-closed")).toContainText("已通过");
  await expect(editor.getByTestId("section-sidebar").getByTestId("state-label")).toHaveText("已通过");
  expect(await dashboardState(board, reportId, id)).toBe("approved");
  await expect(board.getByTestId("progress-total")).toHaveAttribute("data-approved", "1");
  await board.screenshot({ path: `${SHOTS}/dashboard-approved.png`, fullPage: true });

  // History lists every step and shows the approved version's text.
  await board.goto(`/sections/${id}/history`);
  await expect(board.getByTestId("audit-log").locator("tbody tr")).toHaveCount(4);
  await board.getByTestId("audit-log").getByRole("link", { name: "提交稿 2（已通过）" }).click();
  await expect(board.getByTestId("version-text")).toContainText("其中预备党员3名。");
  await board.screenshot({ path: `${SHOTS}/history.png`, fullPage: true });

  for (const p of [editor, colleague, board]) await p.context().close();
});
