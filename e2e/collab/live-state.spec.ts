/**
 * Review state changes reach open editors live: when the section is submitted its editor turns
 * read-only within 1 s (and the page hears `hegao:section-state`), and when the submission is
 * withdrawn it is writable again without a reload.
 */
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { DWB_SECTION, editorOf, findSection, typeAtEnd } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("submit freezes the open editor at once; withdraw unfreezes it", async ({ browser }) => {
  const page = await signedInPage(browser, server.url, "dwb1", "/");
  const { id } = await findSection(page.request, server.url, DWB_SECTION);
  await page.goto(`/sections/${id}`);
  await page.evaluate(() => {
    (window as unknown as { states: string[] }).states = [];
    window.addEventListener("hegao:section-state", (e) => (window as unknown as { states: string[] }).states.push((e as CustomEvent).detail.state));
  });
  await typeAtEnd(page, "提交前的最后一句。");
  await expect(page.getByTestId("save-status")).toHaveText("已保存");

  const section = (await (await page.request.get(`${server.url}/api/sections/${id}`)).json()) as { version: number };
  const submit = await page.request.post(`${server.url}/api/sections/${id}/transition`, {
    data: { event: "submit", version: section.version }, headers: { origin: server.url },
  });
  expect(submit.status(), await submit.text()).toBe(200);
  const t0 = Date.now();
  await expect(editorOf(page)).toHaveAttribute("contenteditable", "false", { timeout: 1000 });
  console.log(`[collab e2e] read-only after ${Date.now() - t0} ms`);
  await expect(page.getByTestId("state-badge")).toHaveText("审核中");
  await expect(page.getByTestId("save-status")).toHaveText(/只读/);

  const { version } = (await submit.json()) as { version: number };
  const withdraw = await page.request.post(`${server.url}/api/sections/${id}/transition`, {
    data: { event: "withdraw", version }, headers: { origin: server.url },
  });
  expect(withdraw.status(), await withdraw.text()).toBe(200);
  await expect(editorOf(page)).toHaveAttribute("contenteditable", "true", { timeout: 1000 });
  await typeAtEnd(page, "撤回后继续修改。");
  await expect(page.getByTestId("save-status")).toHaveText("已保存");
  expect(await page.evaluate(() => (window as unknown as { states: string[] }).states)).toEqual(
    expect.arrayContaining(["in_review", "draft"]),
  );
  await page.context().close();
});
