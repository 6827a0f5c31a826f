/**
 * An editor whose session ends (signed out elsewhere, cookie gone) is told so instead of
 * seeing 离线 forever: the server refuses the reconnect with 401, the client asks next-auth,
 * stops retrying, and offers 重新登录; after signing in again the text typed meanwhile syncs.
 */
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { DQB_SECTION, editorText, findSection, typeAtEnd } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("an ended session is reported, and signing in again syncs what was typed", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, server.url, "dqb2", "/");
  const { id } = await findSection(page.request, server.url, DQB_SECTION);
  await page.goto(`/sections/${id}`);
  await expect(page.locator(".ProseMirror[contenteditable=true]")).toBeVisible();
  await page.context().clearCookies();
  // The socket drops (server restart); every reconnect is now refused with 401.
  await server.stop();
  await server.restart();
  await expect(page.getByTestId("signed-out")).toContainText("登录已过期", { timeout: 20_000 });
  await typeAtEnd(page, "会话过期期间输入的内容。");
  await testInfo.attach("signed-out", { body: await page.screenshot(), contentType: "image/png" });

  await page.getByRole("link", { name: "重新登录" }).click();
  await page.getByLabel("用户名").fill("dqb2");
  await page.getByLabel("密码").fill("hegao-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/sections/${id}`));
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 15_000 });
  await expect.poll(() => editorText(page)).toContain("会话过期期间输入的内容。");
});
