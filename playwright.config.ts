import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium (/usr/bin/chromium; browser downloads do not work
 * here) against the real production server, which each test file starts itself
 * (e2e/support/server.ts) on a free port with its own data folder.
 */
/** Specs whose assertions are latency figures (run alone: `npx playwright test --project timing`). */
const TIMING = /import\/bounded-import\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry on CI only: a test that passes on its retry is reported as "flaky" (not hidden),
  // so a real regression still fails while a loaded 2-core machine does not sink a run.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  // Tests that measure the server's responsiveness under a hostile load run alone, after the
  // others (on 2 cores a second browser and server would be measured along with them).
  projects: [
    { name: "e2e", testIgnore: TIMING },
    { name: "timing", testMatch: TIMING, dependencies: ["e2e"] },
  ],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
});
