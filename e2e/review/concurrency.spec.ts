/**
 * 100 concurrent approvals of one section with the same version: exactly one wins (200), the
 * other 99 get 409 with the conflict message, and the audit log holds exactly one approval —
 * checked over the API and again in the database after stopping the server.
 */
import { expect, test } from "@playwright/test";
import type { RunningServer } from "../support/server";
import { apiSignIn } from "../support/auth";
import { findSection } from "../collab/support";
import { fire, sectionInfo, startReviewServer, storedReview } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startReviewServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("of 100 racing approvals exactly one wins", async ({ playwright }) => {
  const editor = await playwright.request.newContext();
  await apiSignIn(editor, server.url, "dwb1");
  const { id } = await findSection(editor, server.url, "坚持政治引领");
  const before = await sectionInfo(editor, server.url, id);
  const submitted = await fire(editor, server.url, id, { event: "submit", version: before.version });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);

  const reviewer = await playwright.request.newContext();
  await apiSignIn(reviewer, server.url, "reviewer");
  const t0 = Date.now();
  const results = await Promise.all(
    Array.from({ length: 100 }, () => fire(reviewer, server.url, id, { event: "approve", version: submitted.json.version! })),
  );
  console.log(`[review e2e] 100 concurrent approvals answered in ${Date.now() - t0} ms`);
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(99);
  expect(results.find((r) => r.status === 200)!.json).toEqual({ state: "approved", version: submitted.json.version! + 1 });
  expect(results.find((r) => r.status === 409)!.json.error).toEqual({ code: "conflict", message: "内容已被他人修改，请刷新后重试" });

  const history = (await (await reviewer.get(`${server.url}/api/sections/${id}/history`)).json()) as { events: { event: string }[] };
  expect(history.events.filter((e) => e.event === "approve")).toHaveLength(1);
  await editor.dispose();
  await reviewer.dispose();

  await server.stop();
  const stored = await storedReview(server.dataDir, id);
  expect(stored.events.filter((e) => e.event === "approve")).toHaveLength(1);
  expect(stored.versions.map((v) => v.kind)).toEqual(["submitted", "approved"]);
  expect(stored.versions[1].text).toBe(stored.versions[0].text);
});
