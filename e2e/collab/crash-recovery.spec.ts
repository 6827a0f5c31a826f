/**
 * Nothing typed is lost when the server is killed (SIGKILL) while two editors type: what the
 * server acknowledged (已保存) is in the database even with the server dead, the editors keep
 * typing offline (离线), and after the restart everything from both is in the section.
 */
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { DQB_SECTION, editorOf, editorText, findSection, storedText, typeAtEnd } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("killing the server loses nothing that was typed", async ({ browser }) => {
  const p1 = await signedInPage(browser, server.url, "dqb1", "/");
  const { id } = await findSection(p1.request, server.url, DQB_SECTION);
  await p1.goto(`/sections/${id}`);
  const p2 = await signedInPage(browser, server.url, "dqb2", `/sections/${id}`);

  // 1. Acknowledged text.
  await typeAtEnd(p1, "甲一：已确认保存的内容。");
  await typeAtEnd(p2, "乙一：已确认保存的内容。");
  await expect(p1.getByTestId("save-status")).toHaveText("已保存");
  await expect(p2.getByTestId("save-status")).toHaveText("已保存");

  // 2. Both keep typing; the server is killed in the middle.
  const typing = Promise.all([
    (async () => { for (let i = 0; i < 5; i++) await typeAtEnd(p1, `甲二第${i}句。`); })(),
    (async () => { for (let i = 0; i < 5; i++) await typeAtEnd(p2, `乙二第${i}句。`); })(),
  ]);
  await p1.waitForTimeout(150);
  await server.kill();
  await typing;

  // 3. Offline: the editors say so and keep accepting text.
  await expect(p1.getByTestId("save-status")).toContainText("离线");
  await expect(p2.getByTestId("save-status")).toContainText("离线");
  await typeAtEnd(p1, "甲三：离线时输入。");
  await typeAtEnd(p2, "乙三：离线时输入。");
  await p1.screenshot({ path: "test-results/collab-offline.png" });

  // 4. What was acknowledged is in the database of the dead server.
  const acknowledged = await storedText(server.dataDir, id);
  expect(acknowledged).toContain("甲一：已确认保存的内容。");
  expect(acknowledged).toContain("乙一：已确认保存的内容。");

  // 5. Restart: the clients reconnect, resync and everything is saved.
  await server.restart();
  await expect(p1.getByTestId("save-status")).toHaveText("已保存", { timeout: 20_000 });
  await expect(p2.getByTestId("save-status")).toHaveText("已保存", { timeout: 20_000 });
  const all = ["甲一：已确认保存的内容。", "乙一：已确认保存的内容。", "甲三：离线时输入。", "乙三：离线时输入。"];
  for (let i = 0; i < 5; i++) all.push(`甲二第${i}句。`, `乙二第${i}句。`);
  for (const text of all) {
    await expect.poll(() => editorText(p1), { timeout: 10_000 }).toContain(text);
    await expect.poll(() => editorText(p2), { timeout: 10_000 }).toContain(text);
  }

  // 6. With no client left and the server stopped, the database has it all.
  await p1.context().close();
  await p2.context().close();
  await server.stop();
  const stored = await storedText(server.dataDir, id);
  for (const text of all) expect(stored).toContain(text);
});
