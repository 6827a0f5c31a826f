/**
 * Origin and headers (issue 9, finding 7) and the admin API (PATCH users, PATCH/DELETE
 * sections) on a server with the default configuration (no TRUST_PROXY): a forged
 * X-Forwarded-Host or X-Forwarded-For changes nothing, the Origin is compared by scheme, host
 * and port for HTTP and WebSocket, every response carries the security headers, and the pages
 * work in Chromium with no CSP violation.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import WS from "ws";
import { startServer, type RunningServer } from "../support/server";
import { apiSignIn, DEMO_PASSWORD, formSignIn } from "../support/auth";
import { collabUrl, findSection } from "../collab/support";

let server: RunningServer;
let admin: APIRequestContext;
let editor: APIRequestContext;
test.beforeAll(async ({ playwright }) => {
  server = await startServer();
  admin = await playwright.request.newContext();
  editor = await playwright.request.newContext();
  expect(await apiSignIn(admin, server.url, "admin")).toBe(200);
  expect(await apiSignIn(editor, server.url, "dqb1")).toBe(200);
});
test.afterAll(async () => {
  await admin?.dispose();
  await editor?.dispose();
  await server?.stop();
});

test("every response carries CSP with frame-ancestors 'none', nosniff, Referrer-Policy and X-Frame-Options", async ({ playwright }) => {
  const anon = await playwright.request.newContext();
  for (const path of ["/login", "/", "/api/auth/session", "/api/sections/none", "/favicon.ico"]) {
    const res = await anon.get(`${server.url}${path}`, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("default-src 'self'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("same-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
  }
  await anon.dispose();
});

test("pages work in Chromium under the CSP: sign-in, a live section editor, the reports list", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  page.on("pageerror", (e) => violations.push(String(e)));
  await formSignIn(page, "dwb1");
  await expect(page.getByTestId("whoami")).toContainText("周文华");
  const section = await findSection(context.request, server.url, "坚持政治引领");
  await page.goto(`/sections/${section.id}`);
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 20_000 });
  await page.locator(".ProseMirror").first().click();
  await page.keyboard.type("CSP检查");
  await expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath("editor-under-csp.png") });
  await page.goto("/reports");
  await expect(page.getByRole("heading").first()).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});

test("a forged X-Forwarded-Host or another scheme does not pass the Origin check (HTTP)", async () => {
  const dwb = await findSection(admin, server.url, "坚持政治引领");
  const url = `${server.url}/api/sections/${dwb.id}/transition`;
  const port = new URL(server.url).port;
  const forged = await admin.post(url, {
    data: { event: "approve", version: 1 },
    headers: { origin: "http://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.message).toBe("请求来源不被允许");
  const otherScheme = await admin.post(url, { data: { event: "approve", version: 1 }, headers: { origin: `https://127.0.0.1:${port}` } });
  expect(otherScheme.status()).toBe(403);
  // A server action POST (any page path, Next-Action header) is refused before Next runs it.
  const action = await admin.post(`${server.url}/admin/users`, {
    headers: { origin: "http://evil.example", "x-forwarded-host": "evil.example", "next-action": "0".repeat(42), "content-type": "text/plain" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  // A forged X-Forwarded-For does not escape anything either: it is simply ignored.
  const ok = await admin.get(`${server.url}/api/sections/${dwb.id}`, { headers: { "x-forwarded-for": "1.2.3.4" } });
  expect(ok.status()).toBe(200);
});

test("the WebSocket Origin check compares scheme, host and port and ignores Host", async () => {
  const dwb = await findSection(admin, server.url, "坚持政治引领");
  const cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const attempt = (headers: Record<string, string>) =>
    new Promise<number | "open">((resolve) => {
      const ws = new WS(collabUrl(server.url, dwb.id), { headers: { cookie, ...headers } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => {
        ws.close();
        resolve("open");
      });
      ws.on("error", () => {});
    });
  const port = new URL(server.url).port;
  expect(await attempt({ origin: `https://127.0.0.1:${port}` })).toBe(403);
  expect(await attempt({ origin: "http://evil.example", host: "evil.example" })).toBe(403);
  expect(await attempt({ origin: server.url })).toBe("open");
});

test("PATCH /api/admin/users/<username>: admin only, 404, 422, and the changed account", async ({ playwright }) => {
  const url = `${server.url}/api/admin/users/dqb2`;
  const headers = { origin: server.url };
  const changed = await admin.patch(url, { data: { role: "reviewer", department: "工会", disabled: true }, headers });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toEqual({ username: "dqb2", role: "reviewer", department: "工会", disabled: true, locked: false, lead: false, email: null });
  const withEmail = await admin.patch(url, { data: { email: "dqb2@example.cn" }, headers });
  expect(await withEmail.json()).toMatchObject({ username: "dqb2", email: "dqb2@example.cn" });
  expect((await admin.patch(url, { data: { email: "not-an-address" }, headers })).status()).toBe(422);
  const users = await (await admin.get(`${server.url}/admin/users`)).text();
  expect(users).toContain("dqb2");
  expect((await admin.patch(url, { data: { disabled: false, role: "editor", department: "党群工作部" }, headers })).status()).toBe(200);
  expect((await editor.patch(url, { data: { disabled: true }, headers })).status()).toBe(403);
  expect((await admin.patch(`${server.url}/api/admin/users/nobody`, { data: { disabled: true }, headers })).status()).toBe(404);
  const badDept = await admin.patch(url, { data: { department: "不存在" }, headers });
  expect(badDept.status()).toBe(422);
  expect((await badDept.json()).error).toMatchObject({ field: "department", message: "部门「不存在」不存在" });
  expect((await admin.patch(url, { data: { role: "boss" }, headers })).status()).toBe(422);
  expect((await admin.patch(url, { data: "nope", headers: { ...headers, "content-type": "text/plain" } })).status()).toBe(422);
  const nul = await admin.patch(url, { data: { department: "工\u0000会" }, headers });
  expect(nul.status()).toBe(422);
  expect((await nul.json()).error.message).toContain("控制字符");
  expect((await admin.patch(`${server.url}/api/admin/users/admin`, { data: { role: "editor" }, headers })).status()).toBe(422);
  // The account still signs in as before.
  const again = await playwright.request.newContext();
  expect(await apiSignIn(again, server.url, "dqb2", DEMO_PASSWORD)).toBe(200);
  await again.dispose();
});

test("PATCH and DELETE /api/sections/<id>: admin only, 404, 422, reassigned and deleted", async () => {
  const headers = { origin: server.url };
  const dqb = await findSection(admin, server.url, "夯实基层基础");
  const dwb = await findSection(admin, server.url, "坚持政治引领");
  const dwbDept = ((await (await admin.get(`${server.url}/api/sections/${dwb.id}`)).json()) as { departmentId: string }).departmentId;
  expect((await editor.patch(`${server.url}/api/sections/${dqb.id}`, { data: { departmentId: dwbDept }, headers })).status()).toBe(403);
  expect((await admin.patch(`${server.url}/api/sections/no-such-id`, { data: { departmentId: dwbDept }, headers })).status()).toBe(404);
  expect((await admin.patch(`${server.url}/api/sections/${dqb.id}`, { data: { departmentId: 5 }, headers })).status()).toBe(422);
  expect((await admin.patch(`${server.url}/api/sections/${dqb.id}`, { data: { departmentId: "no-such-dept" }, headers })).status()).toBe(422);
  const moved = await admin.patch(`${server.url}/api/sections/${dqb.id}`, { data: { departmentId: dwbDept }, headers });
  expect(moved.status()).toBe(200);
  expect(await moved.json()).toMatchObject({ id: dqb.id, departmentId: dwbDept });
  // The editor of the old department no longer reads it.
  expect((await editor.get(`${server.url}/api/sections/${dqb.id}`)).status()).toBe(403);

  expect((await editor.delete(`${server.url}/api/sections/${dqb.id}`, { headers })).status()).toBe(403);
  expect((await admin.delete(`${server.url}/api/sections/no-such-id`, { headers })).status()).toBe(404);
  const deleted = await admin.delete(`${server.url}/api/sections/${dqb.id}`, { headers });
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ deleted: 1 });
  expect((await admin.get(`${server.url}/api/sections/${dqb.id}`)).status()).toBe(404);
});

test("a NUL in a review comment answers 422 with a Chinese message, not 500", async () => {
  const dwb = await findSection(admin, server.url, "坚持政治引领");
  const res = await admin.post(`${server.url}/api/sections/${dwb.id}/transition`, {
    data: { event: "request_changes", version: dwb.version, comment: "请补充\u0000数据" },
    headers: { origin: server.url },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toMatchObject({ code: "validation", field: "comment", message: expect.stringContaining("控制字符") });
});
