/**
 * The import wizard's preview of the report's own parts (issue 12), in Chromium against the
 * production server: a summary with 主送, 附件 and 落款 shows them in their own fields — none of
 * them in the opening or the outline — and lists the blanks of every part with a quote; the
 * list follows edits. Also at 390 px wide.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";
import { attachScreenshot } from "../support/screenshot";

const FIXTURE = path.resolve(import.meta.dirname, "../../lib/import/fixtures/parts-county-drc-2026h1.txt");

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function uploadFixture(admin: Page) {
  await admin.getByLabel("选择文件").setInputFiles(FIXTURE);
  await admin.getByRole("button", { name: "识别文件" }).click();
  await expect(admin.getByTestId("plan-row").first()).toBeVisible({ timeout: 30_000 });
}

test("the preview shows 主送, 附件 and 落款 as parts and the blanks of every part", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports/import");
  await uploadFixture(admin);

  await expect(admin.getByLabel("主送机关")).toHaveValue("县委、县政府");
  await expect(admin.getByLabel("附件说明")).toHaveValue("上半年主要经济指标完成情况\n重点项目清单\n重点改革任务推进情况表");
  await expect(admin.getByLabel("落款单位")).toHaveValue("XX县发展和改革局");
  await expect(admin.getByLabel("成文日期")).toHaveValue("2026-07-10");
  // Nothing of them in the opening or the outline.
  const opening = await admin.locator("textarea").first().inputValue();
  expect(opening).toMatch(/^今年以来/);
  const titles = await admin.getByRole("textbox", { name: /第\d+节标题/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(titles).toHaveLength(10);
  expect(titles).not.toContain("重点项目清单");

  // Blanks of every part: the opening's XX, four in bodies, the 落款's XX.
  const blanks = admin.getByTestId("part-blank");
  await admin.getByTestId("part-blanks").locator("summary").click();
  await expect(admin.getByTestId("part-blanks").locator("summary")).toContainText("待补充的占位符 6 处");
  await expect(blanks.first()).toContainText("开头段落");
  await expect(blanks.first()).toContainText("今年以来，XX县发展和改革局");
  await expect(blanks.nth(1)).toContainText("正文 · （一）项目建设提速增效");
  await expect(blanks.last()).toContainText("落款");
  await attachScreenshot(testInfo, "import-parts-1366", admin, true);

  // Filling in the 落款 removes its blank; a blank typed into the 主送 is listed at once.
  await admin.getByLabel("落款单位").fill("某某县发展和改革局");
  await admin.getByLabel("主送机关").fill("XX县委");
  await expect(blanks.first()).toContainText("主送机关");
  await expect(admin.getByTestId("part-blanks").locator("summary")).toContainText("待补充的占位符 6 处");
  await expect(blanks.filter({ hasText: "落款" })).toHaveCount(0);

  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(admin.getByLabel("附件说明")).toBeVisible();
  const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await attachScreenshot(testInfo, "import-parts-390", admin.getByTestId("report-parts"));
  await admin.context().close();
});
