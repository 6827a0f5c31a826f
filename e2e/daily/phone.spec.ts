/**
 * The dashboard, the editor and the review page at a desktop (1366×768) and a phone (390×844):
 * nothing scrolls sideways, the header stays one line, the dashboard's rows become cards (no
 * standing column headers), the editor and the text under review get the width. Screenshots of
 * each are attached to the report.
 */
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { apiSignIn } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";
import { findSection } from "../collab/support";
import { transition } from "../main-job/support";

let server: RunningServer;
let sectionId = "";
let reportId = "";
test.beforeAll(async ({ browser }) => {
  server = await startServer();
  // 工会's section is submitted so the reviewer has something to review.
  const context = await browser.newContext({ baseURL: server.url });
  await apiSignIn(context.request, server.url, "gh1");
  sectionId = (await findSection(context.request, server.url, "凝聚职工力量")).id;
  reportId = /\/reports\/([0-9a-f-]{36})/.exec(await (await context.request.get(`${server.url}/reports`)).text())![1];
  await transition(context.request, server.url, sectionId, "submit");
  await context.close();
});
test.afterAll(async () => {
  await server?.stop();
});

const SIZES = [{ name: "desktop", width: 1366, height: 768 }, { name: "phone", width: 390, height: 844 }] as const;

async function open(browser: import("@playwright/test").Browser, size: (typeof SIZES)[number], username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: size.width, height: size.height } });
  await apiSignIn(context.request, server.url, username);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** Nothing wider than the window, the header one line (42 px) high. */
async function fitsTheWidth(page: Page, width: number): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "horizontal scroll").toBeLessThanOrEqual(0);
  const header = await page.locator("header").boundingBox();
  expect(header?.height).toBe(42); // h-12 at the 14 px root size: one line
  expect(header?.width).toBe(width);
}

async function attach(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

for (const size of SIZES) {
  test(`dashboard, editor and review page at ${size.width}×${size.height}`, async ({ browser }, testInfo) => {
    const phone = size.width < 768;

    const admin = await open(browser, size, "admin", `/reports/${reportId}`);
    await expect(admin.getByTestId("dashboard")).toBeVisible();
    await fitsTheWidth(admin, size.width);
    const headers = admin.getByTestId("section-table").locator("th");
    if (phone) {
      await expect(headers.first()).not.toBeInViewport();
      // Each row is a card: the title on one or two lines across the card, its facts labelled.
      const row = admin.getByTestId("section-row").first();
      const title = row.locator("td").first();
      const box = (await title.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeLessThan(50);
      await expect(row.locator('td[data-label="状态"]')).toBeVisible();
      // The menu holds the navigation.
      await admin.getByText("菜单").click();
      await expect(admin.getByTestId("mobile-menu").getByRole("link", { name: "账号管理" })).toBeVisible();
      await attach(admin, testInfo, `${size.name}-header-menu`);
      await admin.getByText("菜单").click();
    } else {
      for (const th of await headers.all()) expect((await th.boundingBox())!.height).toBeLessThan(45);
      await expect(admin.getByRole("link", { name: "账号管理" })).toBeVisible();
    }
    await attach(admin, testInfo, `${size.name}-dashboard`);

    const editor = await open(browser, size, "dqb1", "/");
    const { id } = await findSection(editor.request, server.url, "夯实基层基础");
    await editor.goto(`/sections/${id}`);
    await expect(editor.locator(".ProseMirror[contenteditable=true]")).toBeVisible({ timeout: 20_000 });
    await fitsTheWidth(editor, size.width);
    expect((await editor.locator(".ProseMirror").boundingBox())!.width).toBeGreaterThan(phone ? 340 : 700);
    await expect(editor.getByRole("button", { name: "撤销" })).toBeInViewport();
    await attach(editor, testInfo, `${size.name}-editor`);

    const reviewer = await open(browser, size, "reviewer", `/sections/${sectionId}/review`);
    await expect(reviewer.getByTestId("review-page")).toBeVisible();
    await fitsTheWidth(reviewer, size.width);
    expect((await reviewer.getByTestId("decision").boundingBox())!.width).toBeGreaterThan(phone ? 340 : 250);
    await attach(reviewer, testInfo, `${size.name}-review`);

    for (const p of [admin, editor, reviewer]) await p.context().close();
  });
}
