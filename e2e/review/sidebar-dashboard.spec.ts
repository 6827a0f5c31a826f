/**
 * The sidebar's placeholder marks and the admin's reopen, and the dashboard's filters:
 * - an editor marks `X名` as intended: the highlight disappears live, submit goes through;
 * - an admin reopens the approved section with a reason: the editor can write again;
 * - editors land on their department's rows, can toggle to all rows (others not linked),
 *   and everyone can filter by state.
 */
import { expect, test } from "@playwright/test";
import type { RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { editorOf, findSection } from "../collab/support";
import { demoReportId, fire, sectionInfo, startReviewServer } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startReviewServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("mark a placeholder as intended, submit, approve, reopen", async ({ browser }) => {
  const editor = await signedInPage(browser, server.url, "dqb1", "/");
  const { id } = await findSection(editor.request, server.url, "夯实基层基础");
  await editor.goto(`/sections/${id}`);
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "true");
  await expect(editor.locator(".hegao-placeholder")).toHaveCount(1);
  const sidebar = editor.getByTestId("section-sidebar");
  await sidebar.getByRole("button", { name: "标记为有意保留" }).click();
  await expect(editor.locator(".hegao-placeholder")).toHaveCount(0);
  await expect(editor.getByTestId("placeholder-count")).toHaveText("待补充：0 处");
  await expect(sidebar.getByTestId("sidebar-placeholder-count")).toHaveText("0");
  await expect(sidebar.getByText("（有意保留）")).toBeVisible();
  await sidebar.getByRole("button", { name: "取消" }).click();
  await expect(editor.locator(".hegao-placeholder")).toHaveCount(1);
  await sidebar.getByRole("button", { name: "标记为有意保留" }).click();
  await expect(sidebar.getByTestId("sidebar-placeholder-count")).toHaveText("0");
  await sidebar.getByRole("button", { name: "提交审核" }).click();
  await expect(sidebar.getByTestId("state-label")).toHaveText("审核中");
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "false");
  await expect(sidebar.getByRole("button", { name: "标记为有意保留" })).toHaveCount(0);

  const reviewer = await signedInPage(browser, server.url, "reviewer", "/");
  const v = (await sectionInfo(reviewer.request, server.url, id)).version;
  expect((await fire(reviewer.request, server.url, id, { event: "approve", version: v })).status).toBe(200);
  await expect(sidebar.getByTestId("state-label")).toHaveText("已通过");

  const admin = await signedInPage(browser, server.url, "admin", `/sections/${id}`);
  const reopen = admin.getByTestId("transition-reopen");
  await reopen.getByRole("button", { name: "重新打开" }).click();
  await expect(reopen.getByRole("alert")).toHaveText("重新打开需要填写原因");
  await reopen.getByLabel("重新打开的原因").fill("人数需要按最新统计更新");
  await reopen.getByRole("button", { name: "重新打开" }).click();
  await expect(admin.getByTestId("section-sidebar").getByTestId("state-label")).toHaveText("草稿");
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "true");
  await expect(sidebar.getByTestId("state-label")).toHaveText("草稿");
  for (const p of [editor, reviewer, admin]) await p.context().close();
});

test("dashboard filters: own department by default, all on request, by state", async ({ browser }) => {
  const editor = await signedInPage(browser, server.url, "jjs1", "/reports");
  const reportId = await demoReportId(editor.request, server.url);
  await editor.goto(`/reports/${reportId}`);
  await expect(editor.getByTestId("section-row")).toHaveCount(1);
  await editor.getByTestId("show-all").click();
  await expect(editor.getByTestId("section-row")).toHaveCount(9);
  // Other departments' rows are listed but not links for an editor.
  await expect(editor.getByRole("link", { name: "（一）坚持政治引领，理论武装持续深化" })).toHaveCount(0);
  await expect(editor.getByRole("link", { name: "（三）严明纪律规矩，正风肃纪久久为功" })).toBeVisible();
  await expect(editor.getByRole("link", { name: "预览全文" })).toHaveCount(0);
  const jjs = await findSection(editor.request, server.url, "严明纪律规矩");
  expect((await fire(editor.request, server.url, jjs.id, { event: "submit", version: jjs.version })).status).toBe(200);

  const admin = await signedInPage(browser, server.url, "admin", `/reports/${reportId}`);
  await expect(admin.getByTestId("section-row")).toHaveCount(9);
  await expect(admin.getByRole("link", { name: "编辑大纲" })).toBeVisible();
  await admin.getByLabel("按状态筛选").selectOption("in_review");
  await expect(admin).toHaveURL(/state=in_review/);
  await expect(admin.getByTestId("section-row")).toHaveCount(1);
  await expect(admin.getByTestId("section-row")).toHaveAttribute("data-state", "in_review");
  // A reviewer's link of an in_review row leads to the review page.
  await expect(admin.getByRole("link", { name: "（三）严明纪律规矩，正风肃纪久久为功" })).toHaveAttribute("href", `/sections/${jjs.id}/review`);
  await admin.getByLabel("按状态筛选").selectOption("draft");
  await expect(admin.getByTestId("section-row")).toHaveCount(8);
  await admin.screenshot({ path: "test-results/review-shots/dashboard-filtered.png", fullPage: true });
  for (const p of [editor, admin]) await p.context().close();
});
