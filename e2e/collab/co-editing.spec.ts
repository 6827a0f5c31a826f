/**
 * Two editors of 党群工作部 (dqb1 李明, dqb2 王芳) in the same section: each one's Chinese text
 * reaches the other within 1 s, both see the other's named caret, and the status line says
 * 已保存 once typing stops.
 */
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { DQB_SECTION, editorOf, findSection, typeAtEnd } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("two editors type Chinese into one section and see each other live", async ({ browser }) => {
  const p1 = await signedInPage(browser, server.url, "dqb1", "/");
  const { id } = await findSection(p1.request, server.url, DQB_SECTION);
  await p1.goto(`/sections/${id}`);
  const p2 = await signedInPage(browser, server.url, "dqb2", `/sections/${id}`);

  await expect(p1.getByTestId("section-title")).toHaveText("（二）夯实基层基础，组织建设全面加强");
  await expect(editorOf(p1)).toContainText("发展党员X名");
  await expect(p1.getByTestId("save-status")).toHaveText("已保存");

  await typeAtEnd(p1, "李明补充：上半年新建党员活动室两处。");
  const t1 = Date.now();
  await expect(editorOf(p2)).toContainText("李明补充：上半年新建党员活动室两处。", { timeout: 1000 });
  const lag1 = Date.now() - t1;

  await typeAtEnd(p2, "王芳补充：开展主题党日活动六次。");
  const t2 = Date.now();
  await expect(editorOf(p1)).toContainText("王芳补充：开展主题党日活动六次。", { timeout: 1000 });
  const lag2 = Date.now() - t2;
  console.log(`[collab e2e] propagation ${lag1} ms and ${lag2} ms`);

  // Carets with names, and presence chips for both.
  await expect(p1.locator(".collaboration-carets__label", { hasText: "王芳" })).toBeVisible();
  await expect(p2.locator(".collaboration-carets__label", { hasText: "李明" })).toBeVisible();
  await expect(p1.getByTestId("presence-user")).toHaveCount(2);

  await expect(p1.getByTestId("save-status")).toHaveText("已保存", { timeout: 2000 });
  await expect(p2.getByTestId("save-status")).toHaveText("已保存", { timeout: 2000 });
  await expect(p1.getByTestId("word-count")).toContainText("字数：");
  await p1.screenshot({ path: "test-results/collab-co-editing.png" });
  await p1.context().close();
  await p2.context().close();
});
