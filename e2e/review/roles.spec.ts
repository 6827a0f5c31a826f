/**
 * The role table through the JSON API and the pages: an editor of another department, a
 * reviewer trying to submit, an editor trying to approve — each refused with 403 and a clear
 * message; stale versions 409; placeholders, missing comments and bad bodies 422; no session
 * 401; a foreign Origin 403.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { RunningServer } from "../support/server";
import { apiSignIn, signedInPage } from "../support/auth";
import { findSection } from "../collab/support";
import { fire, sectionInfo, startReviewServer } from "./support";

let server: RunningServer;
const ctx: Record<string, APIRequestContext> = {};
test.beforeAll(async ({ playwright }) => {
  server = await startReviewServer();
  for (const u of ["dqb1", "dwb1", "reviewer", "admin"]) {
    ctx[u] = await playwright.request.newContext();
    await apiSignIn(ctx[u], server.url, u);
  }
});
test.afterAll(async () => {
  for (const c of Object.values(ctx)) await c.dispose();
  await server?.stop();
});

test("the API refuses the wrong actors with 403 and explains why", async () => {
  const dwb = await findSection(ctx.dwb1, server.url, "坚持政治引领");
  const dqb = await findSection(ctx.dqb1, server.url, "夯实基层基础");
  const v = (await sectionInfo(ctx.dwb1, server.url, dwb.id)).version;

  const foreign = await fire(ctx.dqb1, server.url, dwb.id, { event: "submit", version: v });
  expect(foreign).toEqual({ status: 403, json: { error: { code: "forbidden", message: "该章节分配给其他部门，您不能操作" } } });
  expect((await ctx.dqb1.get(`${server.url}/api/sections/${dwb.id}`)).status()).toBe(403);

  const reviewerSubmit = await fire(ctx.reviewer, server.url, dwb.id, { event: "submit", version: v });
  expect(reviewerSubmit.status).toBe(403);
  expect(reviewerSubmit.json.error?.message).toBe("您的角色不能执行「提交审核」");

  const ok = await fire(ctx.dwb1, server.url, dwb.id, { event: "submit", version: v });
  expect(ok).toEqual({ status: 200, json: { state: "in_review", version: v + 1 } });
  const editorApprove = await fire(ctx.dwb1, server.url, dwb.id, { event: "approve", version: v + 1 });
  expect(editorApprove.status).toBe(403);
  expect(editorApprove.json.error?.message).toBe("您的角色不能执行「通过」");
  const reviewerReopen = await fire(ctx.reviewer, server.url, dwb.id, { event: "reopen", version: v + 1, comment: "x" });
  expect(reviewerReopen.status).toBe(403);

  // 409: stale version; 422: impossible now, comment missing, placeholders left.
  expect((await fire(ctx.reviewer, server.url, dwb.id, { event: "approve", version: v })).status).toBe(409);
  const again = await fire(ctx.dwb1, server.url, dwb.id, { event: "submit", version: v + 1 });
  expect(again.status).toBe(422);
  expect(again.json.error?.message).toMatch(/当前状态为「审核中」/);
  const noComment = await fire(ctx.reviewer, server.url, dwb.id, { event: "request_changes", version: v + 1, comment: " " });
  expect(noComment).toEqual({ status: 422, json: { error: { code: "validation", message: "退回修改需要填写意见", field: "comment" } } });
  const blanks = await fire(ctx.dqb1, server.url, dqb.id, { event: "submit", version: dqb.version });
  expect(blanks.status).toBe(422);
  expect(blanks.json.error).toEqual({ code: "refused", message: "还有 1 处待补充内容（如 X名），请补充后再提交，或标记为有意保留" });
  expect(await sectionInfo(ctx.dqb1, server.url, dqb.id)).toMatchObject({ state: "draft", placeholders: 1 });
});

test("bad requests get clear errors", async ({ playwright }) => {
  const dwb = await findSection(ctx.admin, server.url, "坚持政治引领");
  const url = `${server.url}/api/sections/${dwb.id}/transition`;
  const badEvent = await ctx.admin.post(url, { data: { event: "publish", version: 1 }, headers: { origin: server.url } });
  expect(badEvent.status()).toBe(422);
  expect((await badEvent.json()).error.field).toBe("event");
  const notJson = await ctx.admin.post(url, { data: "event=approve", headers: { origin: server.url, "content-type": "text/plain" } });
  expect(notJson.status()).toBe(422);
  const foreignOrigin = await ctx.admin.post(url, { data: { event: "approve", version: 1 }, headers: { origin: "http://evil.example" } });
  expect(foreignOrigin.status()).toBe(403);
  const anon = await playwright.request.newContext();
  expect((await anon.post(url, { data: { event: "approve", version: 1 } })).status()).toBe(401);
  expect((await anon.get(`${server.url}/api/sections/${dwb.id}`)).status()).toBe(401);
  await anon.dispose();
  expect((await ctx.admin.get(`${server.url}/api/sections/nope`)).status()).toBe(404);
});

test("pages apply the same policy", async ({ browser }) => {
  const dwb = await findSection(ctx.dwb1, server.url, "坚持政治引领");
  const dqb = await findSection(ctx.dqb1, server.url, "夯实基层基础");
  const editor = await signedInPage(browser, server.url, "dqb1", `/sections/${dwb.id}`);
  await expect(editor.getByTestId("forbidden")).toBeVisible();
  await editor.goto(`/sections/${dqb.id}/review`);
  await expect(editor.getByTestId("forbidden")).toContainText("只有审核人和管理员可以审核章节");
  await editor.goto(`/sections/${dwb.id}/history`);
  await expect(editor.getByTestId("forbidden")).toBeVisible();
  await editor.context().close();

  const reviewer = await signedInPage(browser, server.url, "reviewer", `/sections/${dqb.id}`);
  await expect(reviewer.getByTestId("section-sidebar")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "提交审核" })).toHaveCount(0);
  await reviewer.context().close();
});
