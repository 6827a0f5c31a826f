/**
 * The approved version is byte for byte what the reviewer saw when approving, even when an
 * editor keeps writing to the section over a raw y-websocket connection while it is in review
 * and after it was approved.
 */
import { expect, test } from "@playwright/test";
import type { RunningServer } from "../support/server";
import { apiSignIn, signedInPage } from "../support/auth";
import { appendParagraph, cookieHeader, findSection, nodeProvider } from "../collab/support";
import { fire, sectionInfo, startReviewServer, storedReview } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startReviewServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("writes over a raw WebSocket never reach the approved version", async ({ browser, playwright }) => {
  const editorCtx = await browser.newContext({ baseURL: server.url });
  await apiSignIn(editorCtx.request, server.url, "dwb1");
  const { id } = await findSection(editorCtx.request, server.url, "坚持政治引领");
  const { doc, provider } = await nodeProvider(server.url, id, await cookieHeader(editorCtx));
  appendParagraph(doc, "提交前写入的一句。");
  await new Promise((r) => setTimeout(r, 500)); // let the update reach the server (submit flushes the room)

  const submitted = await fire(editorCtx.request, server.url, id, { event: "submit", version: (await sectionInfo(editorCtx.request, server.url, id)).version });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  appendParagraph(doc, "审核期间偷偷写入的一句。");

  const reviewer = await signedInPage(browser, server.url, "reviewer", `/sections/${id}/review`);
  await reviewer.getByRole("button", { name: "提交稿全文" }).click();
  const seen = (await reviewer.getByTestId("full-text").textContent()) ?? "";
  expect(seen).toContain("提交前写入的一句。");
  expect(seen).not.toContain("偷偷");
  await reviewer.getByTestId("decision").getByRole("button", { name: "通过" }).click();
  await expect(reviewer.getByTestId("decision-closed")).toContainText("已通过");
  appendParagraph(doc, "通过之后偷偷写入的一句。");
  await new Promise((r) => setTimeout(r, 1000)); // more than the 200 ms persistence window

  const api = await playwright.request.newContext();
  await apiSignIn(api, server.url, "reviewer");
  expect((await sectionInfo(api, server.url, id)).state).toBe("approved");
  await reviewer.goto(`/sections/${id}/history?version=2`);
  await expect(reviewer.getByTestId("version-text")).toContainText("提交前写入的一句。");
  await expect(reviewer.getByTestId("version-text")).not.toContainText("偷偷");

  provider.destroy();
  doc.destroy();
  await api.dispose();
  await reviewer.context().close();
  await editorCtx.close();
  await server.stop();
  const stored = await storedReview(server.dataDir, id);
  const approved = stored.versions.find((v) => v.kind === "approved")!;
  const sub = stored.versions.find((v) => v.kind === "submitted")!;
  expect(approved.text).toBe(seen);
  expect(Buffer.from(approved.yjsState).equals(Buffer.from(sub.yjsState))).toBe(true);
  expect(approved.contentJson).toEqual(sub.contentJson);
});
