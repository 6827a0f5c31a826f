/**
 * Who may open a section: an editor of another department (jjs1) gets the forbidden page and
 * a 403 at the WebSocket upgrade; a reviewer sees it read-only, and an update forged on a raw
 * socket with the reviewer's cookie never reaches other clients or the database.
 */
import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { appendParagraph, cookieHeader, DQB_SECTION, editorOf, findSection, rawSocket, storedText, typeAtEnd } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("an editor of another department can open neither the page nor the socket", async ({ browser }) => {
  const page = await signedInPage(browser, server.url, "jjs1", "/");
  const { id } = await findSection(page.request, server.url, DQB_SECTION);
  await page.goto(`/sections/${id}`);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(editorOf(page)).toHaveCount(0);
  await expect(rawSocket(server.url, id, await cookieHeader(page.context()))).rejects.toThrow("HTTP 403");
  await expect(rawSocket(server.url, id, "")).rejects.toThrow("HTTP 401");
  await page.context().close();
});

test("a reviewer reads the section read-only and the server drops a forged update", async ({ browser }) => {
  const reviewer = await signedInPage(browser, server.url, "reviewer", "/");
  const { id } = await findSection(reviewer.request, server.url, DQB_SECTION);
  await reviewer.goto(`/sections/${id}`);
  const editor = await signedInPage(browser, server.url, "dqb1", `/sections/${id}`);

  await expect(editorOf(reviewer)).toContainText("发展党员X名");
  await expect(editorOf(reviewer)).toHaveAttribute("contenteditable", "false");
  await expect(reviewer.getByTestId("save-status")).toHaveText(/只读/);
  await expect(reviewer.getByRole("button", { name: "B" })).toBeDisabled();
  await reviewer.screenshot({ path: "test-results/collab-reviewer.png" });

  // The reviewer's cookie on a raw socket, sending a real Yjs update (y-protocols encoding).
  const ws = await rawSocket(server.url, id, await cookieHeader(reviewer.context()));
  const forged = new Y.Doc();
  let update: Uint8Array | null = null;
  forged.on("update", (u: Uint8Array) => (update = u));
  appendParagraph(forged, "审核员伪造的段落");
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeUpdate(enc, update!);
  ws.send(encoding.toUint8Array(enc));

  // The editor keeps working and its own text is saved; the forged text appears nowhere.
  await typeAtEnd(editor, "编辑正常输入的内容。");
  await expect(editor.getByTestId("save-status")).toHaveText("已保存");
  await expect(editorOf(reviewer)).toContainText("编辑正常输入的内容。");
  await reviewer.waitForTimeout(500);
  await expect(editorOf(editor)).not.toContainText("伪造");
  await expect(editorOf(reviewer)).not.toContainText("伪造");
  expect(ws.readyState).toBe(ws.OPEN); // dropped, not an error: the reviewer stays connected
  ws.close();
  await reviewer.context().close();
  await editor.context().close();

  await server.stop();
  const text = await storedText(server.dataDir, id);
  expect(text).toContain("编辑正常输入的内容。");
  expect(text).not.toContain("伪造");
});
