/**
 * Issue 16, what the coordinating office sets: "+下级" asks in an app dialog with Chinese
 * validation (no prompt()); a 字数要求 set on the outline shows live in the editor, is warned
 * after submitting (not refused) and listed on the dashboard; 各部门可查看全文草稿 lets another
 * department's editor read a section (read-only) and the preview, over HTTP and in the editor.
 * Screenshots at 1366 and 390 px.
 */
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { editorText, findSection } from "../collab/support";
import { demoReportId } from "../review/support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function outlinePage(page: Page, reportId: string): Promise<void> {
  await page.goto(`/reports/${reportId}/outline`);
  await expect(page.getByTestId("outline-row").first()).toBeVisible();
}

test("+下级 asks for the title in an app dialog with Chinese validation", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  const reportId = await demoReportId(admin.context().request, server.url);
  let nativeDialogs = 0;
  admin.on("dialog", (d) => { nativeDialogs++; void d.dismiss(); });
  await outlinePage(admin, reportId);
  const parent = "坚持政治引领，理论武装持续深化";
  await admin.getByRole("button", { name: `在${parent}下添加章节` }).click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog).toContainText(`在「（一）${parent}」下添加章节`);
  await expect(dialog.getByLabel("章节标题")).toBeFocused();
  await dialog.getByRole("button", { name: "添加" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("章节标题不能为空");
  await attachScreenshot(testInfo, "add-child-dialog-1366", admin);
  await admin.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "add-child-dialog-390", admin);
  await admin.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByLabel("章节标题").fill("开展主题教育读书班");
  await admin.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(admin.locator('input[value="开展主题教育读书班"]')).toHaveCount(1);
  const row = admin.getByTestId("outline-row").filter({ has: admin.locator('input[value="开展主题教育读书班"]') });
  await expect(row.getByTestId("outline-number")).toHaveText("1.");
  expect(nativeDialogs).toBe(0);
  await admin.context().close();
});

test("字数要求: set on the outline, live in the editor, warned after submitting, listed on the dashboard", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  const reportId = await demoReportId(admin.context().request, server.url);
  await outlinePage(admin, reportId);
  const row = admin.getByTestId("outline-row").filter({ has: admin.locator('input[value^="聚焦人才强企"]') });
  const limitField = row.getByTestId("word-limit-input");
  await limitField.fill("八百");
  await limitField.press("Enter");
  await expect(admin.getByRole("alert").filter({ hasText: "字数要求应为 1 到 100000 之间的整数" })).toBeVisible();
  await limitField.fill("30");
  await limitField.press("Enter");
  await expect(admin.getByRole("alert").filter({ hasText: "字数要求应为" })).toHaveCount(0);
  await admin.reload();
  await expect(limitField).toHaveValue("30");
  await attachScreenshot(testInfo, "outline-word-limit-1366", admin);

  const { id } = await findSection(admin.context().request, server.url, "聚焦人才强企");
  const editor = await signedInPage(browser, server.url, "rlzy1", `/sections/${id}`);
  await expect(editor.locator(".ProseMirror[contenteditable=true]")).toBeVisible({ timeout: 20_000 });
  await expect(editor.getByTestId("word-limit")).toHaveText("字数要求：不超过 30 字");
  const count = editor.getByTestId("word-count");
  await expect(count).toHaveAttribute("data-over", "true");
  await expect(count).toContainText(/字数：\d+（不超过 30 字，已超出 \d+ 字）/);
  await attachScreenshot(testInfo, "editor-word-limit-1366", editor);
  await editor.setViewportSize({ width: 390, height: 844 });
  await count.scrollIntoViewIfNeeded();
  await attachScreenshot(testInfo, "editor-word-limit-390", editor);
  await editor.setViewportSize({ width: 1366, height: 768 });

  // Submitting is not refused; the sidebar says by how much the text is over.
  await editor.getByTestId("transition-submit").getByRole("button", { name: "提交审核" }).click();
  const warning = editor.getByTestId("over-limit-warning");
  await expect(warning).toContainText(/本节 \d+ 字，超出字数要求（不超过 30 字）\d+ 字/);
  await expect(editor.getByTestId("section-sidebar")).toHaveAttribute("data-state", "in_review");

  await admin.goto(`/reports/${reportId}`);
  await expect(admin.getByTestId("over-limit")).toContainText("1 个章节超出字数要求");
  await expect(admin.getByTestId("over-limit")).toContainText("聚焦人才强企");
  await expect(admin.getByTestId("row-over-limit")).toHaveCount(1);
  await attachScreenshot(testInfo, "dashboard-over-limit-1366", admin);
  await admin.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "dashboard-over-limit-390", admin);
  for (const p of [admin, editor]) await p.context().close();
});

test("各部门可查看全文草稿: another department reads the section and the preview, read-only", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  const reportId = await demoReportId(admin.context().request, server.url);
  const other = await signedInPage(browser, server.url, "jjs1", "/reports"); // 纪检监察室
  const { id } = await findSection(admin.context().request, server.url, "夯实基层基础"); // 党群工作部
  const status = async (path: string) => (await other.context().request.get(`${server.url}${path}`)).status();
  expect(await status(`/api/sections/${id}`)).toBe(403);
  expect(await status(`/sections/${id}`)).toBe(403);
  expect(await status(`/reports/${reportId}/preview`)).toBe(403);

  await outlinePage(admin, reportId);
  const toggle = admin.getByTestId("drafts-visible");
  await toggle.getByLabel("各部门可查看全文草稿").check();
  await expect(toggle.getByRole("status")).toContainText("已开放");
  await attachScreenshot(testInfo, "drafts-visible-setting-1366", admin);

  expect(await status(`/api/sections/${id}`)).toBe(200);
  expect(await status(`/reports/${reportId}/preview`)).toBe(200);
  await other.goto(`/sections/${id}`);
  await expect(other.getByTestId("readonly-badge")).toBeVisible({ timeout: 20_000 });
  await expect(other.getByTestId("section-editor")).toHaveAttribute("data-editable", "false");
  await expect.poll(() => editorText(other)).toContain("党支部");
  await expect(other.getByTestId("transition-submit")).toHaveCount(0);
  await attachScreenshot(testInfo, "drafts-visible-reader-1366", other);
  await other.goto(`/reports/${reportId}/preview`);
  await expect(other.getByTestId("preview-note")).toContainText("不能修改");
  await other.setViewportSize({ width: 390, height: 844 });
  await attachScreenshot(testInfo, "drafts-visible-preview-390", other);

  await toggle.getByLabel("各部门可查看全文草稿").uncheck();
  await expect(toggle.getByRole("status")).toContainText("已关闭");
  expect(await status(`/api/sections/${id}`)).toBe(403);
  for (const p of [admin, other]) await p.context().close();
});
