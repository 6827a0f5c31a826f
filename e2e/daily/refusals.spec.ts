/**
 * Refusals answer with the right HTTP status and the same 无权访问 page: 403 when the policy
 * refuses, 404 for an unknown report or section — over plain HTTP and in Chromium. And the
 * icon: /favicon.ico answers, so no page logs a 404.
 */
import { expect, test } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { DWB_SECTION, findSection } from "../collab/support";


let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

test("a refused page answers 403, an unknown id 404, each with the page that says why", async ({ browser }, testInfo) => {
  const editor = await signedInPage(browser, server.url, "dqb1", "/");
  const { id: foreignSection } = await findSection(editor.request, server.url, DWB_SECTION);
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(await (await editor.request.get(`${server.url}/reports`)).text())?.[1];

  // Over HTTP, as a script or a proxy sees it.
  const status = async (path: string) => {
    const res = await editor.request.get(`${server.url}${path}`, { maxRedirects: 0 });
    return { status: res.status(), body: await res.text() };
  };
  for (const [path, reason] of [
    ["/admin/users", "只有管理员可以管理部门和账号"],
    [`/sections/${foreignSection}`, "此章节不属于您的部门，您没有权限查看"],
    [`/sections/${foreignSection}/history`, "该章节分配给其他部门，您无权查看"],
    [`/sections/${foreignSection}/review`, "只有审核人和管理员可以审核章节"],
    [`/reports/${reportId}/preview`, "只有审核人和管理员可以预览全文"],
    [`/reports/${reportId}/outline`, "只有管理员可以编辑提纲"],
    ["/reports/import", "只有管理员可以新建或导入总结"],
  ] as const) {
    const r = await status(path);
    expect(r.status, path).toBe(403);
    expect(r.body, path).toContain("无权访问");
    expect(r.body, path).toContain(reason);
  }
  for (const path of [`/sections/${UNKNOWN}`, `/sections/${UNKNOWN}/history`, `/reports/${UNKNOWN}`, "/sections/not-an-id", "/no-such-page"]) {
    const r = await status(path);
    expect(r.status, path).toBe(404);
    expect(r.body, path).toContain("找不到页面");
  }
  const admin = await signedInPage(browser, server.url, "admin", "/");
  expect((await admin.request.get(`${server.url}/reports/${UNKNOWN}/preview`)).status()).toBe(404);
  expect((await admin.request.get(`${server.url}/reports/${UNKNOWN}/outline`)).status()).toBe(404);
  expect((await admin.request.get(`${server.url}/admin/users`)).status()).toBe(200);

  // In Chromium: the status of the navigation and the card with the header still there.
  const refused = await editor.goto(`/sections/${foreignSection}`);
  expect(refused?.status()).toBe(403);
  await expect(editor.getByTestId("forbidden")).toContainText("此章节不属于您的部门，您没有权限查看");
  await expect(editor.getByTestId("whoami")).toContainText("李明");
  await attachScreenshot(testInfo, "403-section", editor);
  const missing = await editor.goto(`/reports/${UNKNOWN}`);
  expect(missing?.status()).toBe(404);
  await expect(editor.getByTestId("not-found")).toContainText("找不到页面");
  await attachScreenshot(testInfo, "404-report", editor);
  await editor.context().close();
  await admin.context().close();
});

test("the icon answers and pages log no 404", async ({ browser }) => {
  const page = await signedInPage(browser, server.url, "admin", "/login");
  const icon = await page.request.get(`${server.url}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");
  const failures: string[] = [];
  page.on("response", (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
  page.on("console", (m) => { if (m.type() === "error") failures.push(m.text()); });
  await page.goto("/reports");
  await page.getByRole("link", { name: /党建工作总结/ }).first().click();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
  await page.waitForLoadState("networkidle");
  expect(failures).toEqual([]);
  await page.context().close();
});
