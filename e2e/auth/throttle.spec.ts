/**
 * Sign-in throttling over HTTP and the admin's view of it (issue 9, finding 3): 60 simultaneous
 * sign-ins with the right password as #40 are all refused once 5 failed; attempts are counted
 * per client address too; the admin sees 已锁定 and unlocks, and a password reset unlocks.
 * The server runs with TRUST_PROXY=1 so each request can name its own client address
 * (X-Forwarded-For), as requests from many machines through our own proxy would.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { DEMO_PASSWORD, formSignIn } from "../support/auth";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY: "1" } });
});
test.afterAll(async () => {
  await server?.stop();
});

/** One sign-in POST as a script sends it; returns the status and next-auth's answer URL. */
async function signIn(request: APIRequestContext, username: string, password: string, address: string) {
  const { csrfToken } = (await (await request.get(`${server.url}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await request.post(`${server.url}/api/auth/callback/credentials`, {
    form: { username, password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
  const url = String(((await res.json().catch(() => ({}))) as { url?: string }).url ?? "");
  return { status: res.status(), error: decodeURIComponent(new URL(url, server.url).searchParams.get("error") ?? "") };
}

test("60 parallel sign-ins with the right password as #40 are refused after the 5th failure", async ({ playwright }) => {
  const contexts = await Promise.all(Array.from({ length: 60 }, () => playwright.request.newContext()));
  const results = await Promise.all(
    contexts.map((ctx, i) => signIn(ctx, "dqb1", i + 1 === 40 ? DEMO_PASSWORD : `wrong-${i}`, `10.1.0.${i + 1}`)),
  );
  await Promise.all(contexts.map((c) => c.dispose()));
  expect(results.filter((r) => r.status === 200)).toHaveLength(0);
  expect(results.filter((r) => r.error.startsWith("用户名或密码错误"))).toHaveLength(5);
  expect(results.filter((r) => r.error.includes("该账号已被暂时锁定"))).toHaveLength(55);
  expect(results[39].status).toBe(401);
  // The account stays locked for the right password from anywhere.
  const later = await playwright.request.newContext();
  expect(await signIn(later, "dqb1", DEMO_PASSWORD, "10.2.0.1")).toMatchObject({ status: 401, error: expect.stringContaining("锁定") });
  await later.dispose();
});

test("attempts are counted per client address: the 31st from one address is refused", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const accounts = ["jjs1", "jjs2", "gh2", "rlzy1", "rlzy2", "scjs1", "scjs2", "aqhb1"];
  for (let i = 0; i < 30; i++) {
    expect((await signIn(request, accounts[Math.floor(i / 4)], "wrong", "203.0.113.9")).status).toBe(401);
  }
  const refused = await signIn(request, "aqhb2", DEMO_PASSWORD, "203.0.113.9");
  expect(refused).toMatchObject({ status: 401, error: expect.stringContaining("此地址登录失败次数过多") });
  expect((await signIn(request, "aqhb2", DEMO_PASSWORD, "203.0.113.10")).status).toBe(200);
  await request.dispose();
});

test("the admin sees a locked account with 已锁定, unlocks it, and a password reset unlocks too", async ({ browser, playwright }, testInfo) => {
  const script = await playwright.request.newContext();
  for (let i = 0; i < 5; i++) await signIn(script, "gh1", "wrong", "10.3.0.1");
  expect((await signIn(script, "gh1", DEMO_PASSWORD, "10.3.0.2")).error).toContain("锁定");

  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await formSignIn(page, "admin");
  await expect(page.getByTestId("whoami")).toContainText("管理员");
  await page.goto("/admin/users");
  const dqb1 = page.getByTestId("user-dqb1");
  const gh1 = page.getByTestId("user-gh1");
  await expect(dqb1.getByTestId("locked-badge")).toContainText(/已锁定至 \d\d:\d\d/);
  await expect(gh1.getByTestId("locked-badge")).toBeVisible();
  await expect(page.getByTestId("user-gh2").getByTestId("locked-badge")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("admin-locked.png"), fullPage: true });
  await testInfo.attach("admin-locked", { path: testInfo.outputPath("admin-locked.png"), contentType: "image/png" });

  await dqb1.getByRole("button", { name: "解锁" }).click();
  await expect(dqb1.getByTestId("locked-badge")).toHaveCount(0);
  expect((await signIn(script, "dqb1", DEMO_PASSWORD, "10.3.0.3")).status).toBe(200);

  await gh1.getByLabel("新密码").fill("gonghui-2026");
  await gh1.getByRole("button", { name: "重置" }).click();
  await expect(gh1.getByText("密码已重置，账号已解锁")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("user-gh1").getByTestId("locked-badge")).toHaveCount(0);
  expect((await signIn(script, "gh1", "gonghui-2026", "10.3.0.4")).status).toBe(200);
  await script.dispose();
  await context.close();
});
