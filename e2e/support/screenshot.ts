/**
 * Screenshots attached to the Playwright report, so a person can look at what a test saw.
 */
import type { TestInfo } from "@playwright/test";

/** Anything Playwright can photograph: a page or a locator. */
export interface Photographable {
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/**
 * Saves a PNG of `target` as `<name>.png` in the test's output folder and attaches it to the
 * report under `name`; `fullPage` (pages only) takes the whole scrollable page. Returns the path.
 */
export async function attachScreenshot(testInfo: TestInfo, name: string, target: Photographable, fullPage = false): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot(fullPage ? { path, fullPage } : { path });
  await testInfo.attach(name, { path, contentType: "image/png" });
  return path;
}
