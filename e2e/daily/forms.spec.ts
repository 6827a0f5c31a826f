/**
 * The app speaks Chinese where the browser would not: a dialog (not confirm()) before deleting a
 * section, keyboard-friendly; the import page's own file button; the date field's format and
 * messages on the outline.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";


let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const SEED = path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds/county-bureau-2020h1.txt");

test("deleting a section asks in an app dialog that says what will be lost", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  let nativeDialogs = 0;
  admin.on("dialog", (d) => { nativeDialogs++; void d.dismiss(); });
  await admin.getByRole("link", { name: /党建工作总结/ }).first().click();
  await admin.getByRole("link", { name: "编辑大纲" }).click();
  const target = "严明纪律规矩，正风肃纪久久为功";
  await expect(admin.getByRole("button", { name: `删除${target}` })).toBeVisible();

  // Open, read, and leave with Esc: nothing is deleted, focus returns to the button.
  await admin.getByRole("button", { name: `删除${target}` }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`删除「（三）${target}」？`);
  await expect(dialog).toContainText("已写的内容、审核记录和历史版本会一并删除，不能恢复");
  await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
  await attachScreenshot(testInfo, "delete-dialog", admin);
  await admin.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole("button", { name: `删除${target}` })).toBeFocused();
  await expect(admin.locator(`input[value="${target}"]`)).toHaveCount(1);

  // Confirm with the keyboard: Tab to 删除章节, Enter.
  await admin.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await admin.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "删除章节" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.locator(`input[value="${target}"]`)).toHaveCount(0);
  expect(nativeDialogs).toBe(0);
  await admin.context().close();
});

test("dates are typed as 年-月-日 with Chinese messages, files chosen with a Chinese button", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  await admin.getByRole("link", { name: /党建工作总结/ }).first().click();
  await admin.getByRole("link", { name: "编辑大纲" }).click();
  const due = admin.getByLabel("（一）截止日期", { exact: true }).first();
  await due.fill("07/05/2026");
  await due.press("Tab");
  await expect(admin.getByRole("alert").filter({ hasText: "请按“年-月-日”填写日期，如 2026-06-30" })).toBeVisible();
  await due.fill("2026-2-30");
  await due.press("Enter");
  await expect(admin.getByRole("alert").filter({ hasText: "没有这一天：2026年2月30日" })).toBeVisible();
  await due.fill("2026年7月5日");
  await due.press("Enter");
  await expect(due).toHaveValue("2026-07-05");
  await attachScreenshot(testInfo, "outline-dates", admin);
  await admin.reload();
  await expect(admin.getByLabel("（一）截止日期", { exact: true }).first()).toHaveValue("2026-07-05");

  await admin.goto("/reports/import");
  await expect(admin.locator("label", { hasText: "选择文件…" })).toBeVisible();
  await expect(admin.getByTestId("import-file-name")).toHaveText("未选择文件");
  await admin.getByLabel("选择文件").setInputFiles(SEED);
  await expect(admin.getByTestId("import-file-name")).toHaveText("county-bureau-2020h1.txt");
  await attachScreenshot(testInfo, "import-file-picked", admin);
  await admin.getByRole("button", { name: "识别文件" }).click();
  const deadline = admin.getByLabel("截止日期", { exact: true });
  await deadline.fill("2026/7/10");
  await deadline.press("Tab");
  await expect(deadline).toHaveValue("2026-07-10");
  const firstDue = admin.getByLabel("第1节截止日期");
  await firstDue.fill("明天");
  await firstDue.press("Tab");
  await expect(admin.getByRole("alert").filter({ hasText: "请按“年-月-日”填写日期" })).toBeVisible();
  await admin.context().close();
});
