/**
 * Notifications in Chromium: a reviewer returns a section → the editor's bell (a second browser
 * context, page already open) shows it within 2 s without a reload; clicking it opens the
 * section; the list groups by report and 全部标为已读 brings the count to 0; the API's shape and
 * refusals; the preferences page. Screenshots: the dropdown, /notifications at 1366×768 and
 * 390×844, the preferences page.
 */
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { findSection } from "../collab/support";
import { fire } from "../review/support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ dataDir: fs.mkdtempSync("/tmp/notify-") });
});
test.afterAll(async () => {
  await server?.stop();
});

const count = (page: Page) => page.getByTestId("notification-count");

test("a return reaches the editor's bell live; click, list, mark all read, preferences", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, server.url, "dwb1", "/reports");
  const reviewer = await signedInPage(browser, server.url, "reviewer", "/inbox");
  const s = await findSection(editor.request, server.url, "坚持政治引领");
  await expect(editor.getByTestId("notification-bell")).toBeVisible();
  await expect(count(editor)).toHaveCount(0);

  const sub = await fire(editor.request, server.url, s.id, { event: "submit", version: s.version });
  expect(sub.status).toBe(200);
  // The reviewer's open page hears of the submission too (待您审核).
  await expect(count(reviewer)).toHaveText("1", { timeout: 2_000 });
  await editor.waitForTimeout(300); // the editor's stream is connected and idle

  const back = await fire(reviewer.request, server.url, s.id, { event: "request_changes", version: sub.json.version!, comment: "请补充学习研讨的具体成效" });
  expect(back.status).toBe(200);
  await expect(count(editor)).toHaveText("1", { timeout: 2_000 });

  await editor.getByTestId("notification-bell").click();
  const item = editor.getByTestId("notification-item").first();
  await expect(item).toContainText("《（一）坚持政治引领，理论武装持续深化》被退回修改");
  await expect(item).toContainText("请补充学习研讨的具体成效");
  await attachScreenshot(testInfo, "bell-dropdown", editor);
  await item.click();
  await expect(editor).toHaveURL(new RegExp(`/sections/${s.id}$`));
  await expect(count(editor)).toHaveCount(0);

  // Resubmit and approve: a second notification arrives on the section page, still without reload.
  const sub2 = await fire(editor.request, server.url, s.id, { event: "submit", version: back.json.version! });
  await fire(reviewer.request, server.url, s.id, { event: "approve", version: sub2.json.version! });
  await expect(count(editor)).toHaveText("1", { timeout: 2_000 });

  // The reviewer's 待您审核 leads to the review page.
  await reviewer.getByTestId("notification-bell").click();
  await reviewer.getByTestId("notification-item").filter({ hasText: "待您审核（审核）" }).first().click();
  await expect(reviewer).toHaveURL(new RegExp(`/sections/${s.id}/review$`));

  // The API: exact shape, newest first, unread filter.
  const api = await (await editor.request.get(`${server.url}/api/notifications?unread=1`)).json();
  expect(api.unread).toBe(1);
  expect(Object.keys(api.items[0]).sort()).toEqual(["body", "createdAt", "id", "kind", "readAt", "reportId", "sectionId", "title"]);
  expect(api.items[0]).toMatchObject({ kind: "section_approved", sectionId: s.id, readAt: null });
  const all = await (await editor.request.get(`${server.url}/api/notifications`)).json();
  expect(all.items.map((i: { kind: string }) => i.kind)).toEqual(["section_approved", "section_returned"]);
  // Refusals: bad query, bad body, another account's ids change nothing, no session.
  expect((await editor.request.get(`${server.url}/api/notifications?limit=0`)).status()).toBe(422);
  const bad = await editor.request.post(`${server.url}/api/notifications/read`, { data: { ids: [] }, headers: { origin: server.url } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.code).toBe("validation");
  const theirs = await (await reviewer.request.get(`${server.url}/api/notifications`)).json();
  const cross = await editor.request.post(`${server.url}/api/notifications/read`, { data: { ids: [theirs.items[0].id] }, headers: { origin: server.url } });
  expect(await cross.json()).toMatchObject({ updated: 0 });
  expect((await (await reviewer.request.get(`${server.url}/api/notifications?unread=1`)).json()).unread).toBeGreaterThan(0);
  expect((await fetch(`${server.url}/api/notifications`)).status).toBe(401);
  expect((await fetch(`${server.url}/api/notifications/stream`)).status).toBe(401);

  // The list, grouped by report; 全部标为已读 → 0 here and in the bell.
  await editor.goto("/notifications");
  await expect(editor.getByTestId("notification-group")).toHaveCount(1);
  await expect(editor.getByTestId("notification-group")).toContainText("示例集团公司2026年上半年党建工作总结");
  await expect(editor.getByTestId("notification-row")).toHaveCount(2);
  await expect(editor.getByTestId("notification-row").first()).toContainText("已审核通过");
  await attachScreenshot(testInfo, "notifications-1366", editor, true);
  await editor.getByTestId("notifications-read-all").click();
  await expect(editor.getByTestId("notifications-unread")).toHaveText("0 条未读");
  await expect(count(editor)).toHaveCount(0);
  await expect(editor.locator('[data-testid="notification-row"][data-unread="1"]')).toHaveCount(0);

  // A phone.
  const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, storageState: await editor.context().storageState() });
  const mobile = await phone.newPage();
  await mobile.goto("/notifications");
  await expect(mobile.getByTestId("notification-row")).toHaveCount(2);
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await attachScreenshot(testInfo, "notifications-390", mobile, true);
  await mobile.getByTestId("notification-bell").click();
  await expect(mobile.getByTestId("notification-item")).toHaveCount(2);
  const box = await mobile.getByTestId("notification-dropdown").boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await attachScreenshot(testInfo, "bell-dropdown-390", mobile);

  // Preferences: a bad address is refused next to its field; a good one is kept.
  await editor.goto("/settings/notifications");
  await expect(editor.getByTestId("pref-stage_reached-app")).toBeChecked();
  await expect(editor.getByTestId("pref-section_submitted-app")).not.toBeChecked();
  await editor.getByTestId("settings-email").fill("dwb1@example");
  await editor.getByTestId("settings-email").evaluate((el) => ((el as HTMLInputElement).type = "text")); // past the browser's own check
  await editor.getByTestId("settings-save").click();
  await expect(editor.getByTestId("settings-email-error")).toHaveText("邮箱地址格式不正确");
  await editor.getByTestId("settings-email").fill("dwb1@example.cn");
  await editor.getByTestId("settings-mode-digest").check();
  await editor.getByTestId("pref-section_approved-app").uncheck();
  await editor.getByTestId("settings-save").click();
  await expect(editor.getByTestId("settings-saved")).toHaveText("通知设置已保存");
  await attachScreenshot(testInfo, "settings", editor, true);
  await editor.reload();
  await expect(editor.getByTestId("settings-email")).toHaveValue("dwb1@example.cn");
  await expect(editor.getByTestId("settings-mode-digest")).toBeChecked();
  await expect(editor.getByTestId("pref-section_approved-app")).not.toBeChecked();
  // section_approved is now hidden from the bell and the list.
  await editor.goto("/notifications");
  await expect(editor.getByTestId("notification-row")).toHaveCount(1);
  await phone.close();
});
