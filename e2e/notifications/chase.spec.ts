/**
 * 催报 on the report dashboard (issue 11):
 * - each department row shows its days left or overdue days (逾期 in red);
 * - the admin presses 催报 with a note: the row says 已于 HH:mm 由 林主任 催报 and the button is
 *   disabled; a second press from a window opened before is refused with the rate-limit message;
 * - the JSON API answers 429 with `nextAllowedAt`, and "all overdue" chases the overdue department.
 * Screenshots at 1366 px and 390 px.
 */
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { departments, reports, sections } from "@/db/schema";
import { chinaToday } from "@/lib/chase/dates";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let reportId: string;
const dept: Record<string, string> = {};
const dayFromToday = (n: number) => new Date(Date.parse(`${chinaToday(new Date())}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  server = await startServer({ dataDir: fs.mkdtempSync("/tmp/chase-") });
  // Seeded by the server; now make 党群工作部 two days late and 生产技术部 due in three days.
  await server.stop();
  const h = await openDatabase({ dataDir: server.dataDir });
  try {
    const [r] = await h.db.select().from(reports);
    reportId = r.id;
    for (const d of await h.db.select().from(departments)) dept[d.name] = d.id;
    await h.db.update(sections).set({ dueDate: dayFromToday(-2) }).where(and(eq(sections.reportId, r.id), eq(sections.departmentId, dept["党群工作部"])));
    await h.db.update(sections).set({ dueDate: dayFromToday(3) }).where(and(eq(sections.reportId, r.id), eq(sections.departmentId, dept["生产技术部"])));
  } finally {
    await h.close();
  }
  await server.restart();
});
test.afterAll(async () => {
  await server?.stop();
});

const row = (page: Page, name: string) => page.getByTestId("dept-row").filter({ hasText: name });

test("admin chases a department with a note; a second press within the hour is refused", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", `/reports/${reportId}`);
  const stale = await signedInPage(browser, server.url, "admin", `/reports/${reportId}`);
  const panel = admin.getByTestId("department-chase");
  await expect(row(admin, "党群工作部").getByTestId("dept-due")).toHaveText("逾期 2 天");
  await expect(row(admin, "党群工作部").getByTestId("dept-due")).toHaveClass(/text-red-700/);
  await expect(row(admin, "生产技术部").getByTestId("dept-due")).toHaveText("还剩 3 天");
  await expect(panel.getByText("1 个部门逾期")).toBeVisible();
  await attachScreenshot(testInfo, "chase-1366-before", admin, true);

  const hr = row(admin, "人力资源部");
  await hr.getByRole("button", { name: "催报" }).click();
  const dialog = admin.getByTestId("chase-dialog");
  await expect(dialog.getByRole("heading", { name: "催报：人力资源部" })).toBeVisible();
  await dialog.getByLabel("留言（可选）").fill("请于本周五前提交审核");
  await attachScreenshot(testInfo, "chase-dialog", admin);
  await dialog.getByRole("button", { name: "发送催报" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(hr.getByTestId("last-chase")).toHaveText(/^已于 \d{2}:\d{2} 由 林主任 催报$/);
  await expect(hr.getByRole("button", { name: "催报" })).toBeDisabled();
  await expect(row(admin, "工会").getByRole("button", { name: "催报" })).toBeEnabled();
  await attachScreenshot(testInfo, "chase-1366-after", admin.getByTestId("department-chase"));

  // The window opened before the chase still offers the button: the server refuses.
  const staleHr = row(stale, "人力资源部");
  await staleHr.getByRole("button", { name: "催报" }).click();
  const staleDialog = stale.getByTestId("chase-dialog");
  await staleDialog.getByRole("button", { name: "发送催报" }).click();
  await expect(staleDialog.getByTestId("chase-error")).toHaveText(/^该部门 1 小时内已催报过，可于 \d{2}:\d{2} 后再催$/);
  // …and the stale window refreshes: it now says who chased, and its button is disabled.
  await expect(staleHr.getByTestId("last-chase")).toHaveText(/由 林主任 催报$/);
  await expect(staleDialog.getByRole("button", { name: "发送催报" })).toBeEnabled();
  await attachScreenshot(testInfo, "chase-refused", stale);
  await staleDialog.getByRole("button", { name: "取消" }).click();
  await expect(staleHr.getByRole("button", { name: "催报" })).toBeDisabled();

  // Over the API: 429 with when to retry; "all overdue" reaches 党群工作部 only.
  const res = await admin.request.post(`${server.url}/api/reports/${reportId}/chase`, { data: { departmentId: dept["人力资源部"] }, headers: { origin: server.url } });
  expect(res.status()).toBe(429);
  const body = await res.json();
  expect(body.error.code).toBe("rate_limited");
  expect(Date.parse(body.error.details.nextAllowedAt) - Date.now()).toBeGreaterThan(55 * 60_000);
  const all = await admin.request.post(`${server.url}/api/reports/${reportId}/chase`, { data: { note: "已逾期，请尽快提交" }, headers: { origin: server.url } });
  expect(all.status()).toBe(200);
  expect(await all.json()).toMatchObject({ sent: 1 });
  const bad = await admin.request.post(`${server.url}/api/reports/${reportId}/chase`, { data: { note: 42 }, headers: { origin: server.url } });
  expect(bad.status()).toBe(422);

  // The department's editor has it in their notifications, with the note.
  const editor = await signedInPage(browser, server.url, "rlzy1", "/");
  const list = await (await editor.request.get(`${server.url}/api/notifications?unread=1`)).json();
  const chase = list.items.find((n: { kind: string }) => n.kind === "chase");
  expect(chase.title).toContain("人力资源部尚有 1 个章节未完成");
  expect(chase.body).toContain("留言：请于本周五前提交审核");
  await editor.context().close();

  // A reviewer sees the panel but may not chase.
  const reviewer = await signedInPage(browser, server.url, "reviewer", `/reports/${reportId}`);
  await expect(row(reviewer, "党群工作部").getByTestId("last-chase")).toHaveText(/由 林主任 催报/);
  await expect(reviewer.getByTestId("chase-button")).toHaveCount(0);
  const forbidden = await reviewer.request.post(`${server.url}/api/reports/${reportId}/chase`, { data: {}, headers: { origin: server.url } });
  expect(forbidden.status()).toBe(403);

  await admin.reload();
  await expect(admin.getByTestId("chase-all")).toBeDisabled();
  for (const p of [admin, stale, reviewer]) await p.context().close();
});

test("the department panel reads as cards on a phone", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
  const page = await signedInPage({ newContext: async () => context }, server.url, "admin", `/reports/${reportId}`);
  const panel = page.getByTestId("department-chase");
  await expect(row(page, "党群工作部").getByTestId("dept-due")).toHaveText("逾期 2 天");
  const box = await panel.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await panel.scrollIntoViewIfNeeded();
  await attachScreenshot(testInfo, "chase-390", panel);
  await context.close();
});
