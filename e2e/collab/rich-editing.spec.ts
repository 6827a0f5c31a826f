/**
 * The update validator (lib/collab/validate-update.ts) must never refuse what the real editor
 * sends: in Chromium, an editor types, makes text bold and italic, makes lists, inserts a hard
 * break and a table, deletes and undoes — every update is accepted (the socket stays open,
 * 已保存), and another client receives all of it.
 */
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { cookieHeader, DQB_SECTION, docText, editorOf, findSection, nodeProvider, typeAtEnd } from "./support";
import { docToContent } from "@/lib/collab/content";

let server: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(360_000);
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

type Commands = Record<string, (...args: unknown[]) => boolean>;

test("bold, lists, hard breaks, tables, deletes and undo from the real editor are all accepted", async ({ browser }) => {
  const page = await signedInPage(browser, server.url, "dqb1", "/");
  const { id } = await findSection(page.request, server.url, DQB_SECTION);
  await page.goto(`/sections/${id}`);
  await expect(page.getByTestId("save-status")).toHaveText("已保存");
  const run = (name: string, ...args: unknown[]) =>
    editorOf(page).evaluate((el, [n, a]) => (el as unknown as { editor: { commands: Commands } }).editor.commands[n as string](...(a as unknown[])), [name, args] as const);

  await typeAtEnd(page, "");
  await page.keyboard.press("Control+b");
  await page.keyboard.press("Control+i");
  await page.keyboard.insertText("加粗的一句话");
  await expect(editorOf(page).locator("strong em, em strong")).toHaveText("加粗的一句话");
  await page.keyboard.press("Control+b");
  await page.keyboard.press("Control+i");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("列表第一项");
  expect(await run("toggleBulletList")).toBe(true);
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("列表第二项");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.insertText("换行之后");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  expect(await run("toggleOrderedList")).toBe(true);
  await page.keyboard.insertText("编号一");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  expect(await run("insertTable", { rows: 2, cols: 2, withHeaderRow: true })).toBe(true);
  await page.keyboard.insertText("指标");
  await page.keyboard.press("Tab");
  await page.keyboard.insertText("完成情况");
  expect(await run("addRowAfter")).toBe(true);
  await page.keyboard.insertText("先删后撤销");
  await page.waitForTimeout(1000); // the undo manager groups edits closer than 500 ms into one step
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await expect(editorOf(page)).not.toContainText("先删后撤销");
  await page.waitForTimeout(1000);
  await page.keyboard.press("Control+z"); // restores the deleted characters only
  await expect(editorOf(page)).toContainText("先删后撤销");
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });
  expect(server.log()).not.toMatch(/invalid update|update too large/);

  // Another client sees everything the editor did.
  const peer = await nodeProvider(server.url, id, await cookieHeader(page.context()));
  const text = docText(peer.doc);
  for (const part of ["加粗的一句话", "列表第一项", "列表第二项\n换行之后", "编号一", "指标", "完成情况", "先删后撤销"]) expect(text).toContain(part);
  const json = JSON.stringify(docToContent(peer.doc).json);
  for (const node of ['"bulletList"', '"orderedList"', '"table"', '"tableHeader"', '"hardBreak"', '"bold"', '"italic"']) expect(json).toContain(node);
  await page.screenshot({ path: "test-results/collab-rich-editing.png" });
  peer.provider.destroy();
  await page.context().close();
});
