/**
 * Outline changes reach open editors at once (live authorisation, issue 9):
 * - the admin reassigns a section on the outline page: the old department's open editor turns
 *   read-only, and the new department's editor writes and saves without waiting for anything;
 * - the admin deletes a section while someone types in it: that socket is closed with 4404,
 *   every other section keeps saving, and a SIGTERM right after saves the healthy sections.
 */
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { apiSignIn, signedInPage } from "../support/auth";
import { appendParagraph, cookieHeader, DQB_SECTION, editorOf, findSection, nodeProvider, storedText, typeAtEnd } from "./support";

const DOOMED_SECTION = "持续加强思想政治建设";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The admin's outline page of the demo report. */
async function outlinePage(admin: Page): Promise<void> {
  const html = await (await admin.request.get(`${server.url}/reports`)).text();
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(html)![1];
  await admin.goto(`/reports/${reportId}/outline`);
}

test("reassigning a section turns the old department read-only and lets the new one write at once", async ({ browser }) => {
  const admin = await signedInPage(browser, server.url, "admin", "/");
  const { id } = await findSection(admin.request, server.url, DQB_SECTION);
  const oldEditor = await signedInPage(browser, server.url, "dqb1", `/sections/${id}`);
  await expect(editorOf(oldEditor)).toHaveAttribute("contenteditable", "true");
  // 纪检监察室's editor keeps the room busy elsewhere; the room of this section stays loaded.
  await outlinePage(admin);
  const select = admin.getByLabel(/夯实基层基础.*部门$/);
  const started = Date.now();
  await select.selectOption({ label: "纪检监察室" });
  await expect(editorOf(oldEditor)).toHaveAttribute("contenteditable", "false", { timeout: 5000 });
  const tookMs = Date.now() - started;
  test.info().annotations.push({ type: "old department read-only after", description: `${tookMs} ms (incl. the server action)` });

  const newEditor = await signedInPage(browser, server.url, "jjs1", `/sections/${id}`);
  await typeAtEnd(newEditor, "纪检监察室接手后写的内容。");
  await expect(newEditor.getByTestId("save-status")).toHaveText("已保存");
  await newEditor.screenshot({ path: "test-results/collab-reassigned.png" });

  await select.selectOption({ label: "党群工作部" }); // back, for the next test
  await expect(editorOf(newEditor)).toHaveAttribute("contenteditable", "false", { timeout: 5000 });
  for (const p of [admin, oldEditor, newEditor]) await p.context().close();
});

test("deleting a section while someone types in it leaves every other section saving, and SIGTERM saves them", async ({ browser }) => {
  const admin = await signedInPage(browser, server.url, "admin", "/");
  const doomed = await findSection(admin.request, server.url, DOOMED_SECTION);
  const kept = await findSection(admin.request, server.url, DQB_SECTION);

  // dqb1 types in the section about to be deleted (a y-websocket client, to see the close code).
  const typistContext = await browser.newContext();
  await apiSignIn(typistContext.request, server.url, "dqb1");
  const cookie = await cookieHeader(typistContext);
  const typist = await nodeProvider(server.url, doomed.id, cookie);
  const codes: number[] = [];
  typist.provider.on("connection-close", (event) => event && codes.push(event.code));
  // dqb2 writes in another section in the browser; a third client writes right before SIGTERM.
  const writer = await signedInPage(browser, server.url, "dqb2", `/sections/${kept.id}`);
  const late = await nodeProvider(server.url, kept.id, cookie);
  await typeAtEnd(writer, "删除之前写的内容。");
  await expect(writer.getByTestId("save-status")).toHaveText("已保存");

  admin.on("dialog", (d) => void d.accept());
  await outlinePage(admin);
  appendParagraph(typist.doc, "被删除章节里正在输入的文字");
  await admin.getByRole("button", { name: `删除${DOOMED_SECTION}` }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "删除章节" }).click();
  await expect.poll(() => codes[0], { timeout: 5000 }).toBe(4404);
  await expect(admin.getByRole("button", { name: `删除${DOOMED_SECTION}` })).toHaveCount(0);

  for (const text of ["删除之后第一段。", "删除之后第二段。"]) {
    await typeAtEnd(writer, text);
    await expect(writer.getByTestId("save-status")).toHaveText("已保存");
  }
  appendParagraph(late.doc, "关机前最后一段");
  await new Promise((r) => setTimeout(r, 20)); // on the server, not yet written (batches wait ≥ 30 ms)
  await server.stop();
  typist.provider.destroy();
  late.provider.destroy();

  const text = await storedText(server.dataDir, kept.id);
  for (const t of ["删除之前写的内容。", "删除之后第一段。", "删除之后第二段。", "关机前最后一段"]) expect(text).toContain(t);
  expect(await storedText(server.dataDir, doomed.id)).toBe("");
  expect(server.log()).not.toMatch(/save failed/);
});
