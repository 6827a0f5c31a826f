import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { apiSignIn, formSignIn } from "../support/auth";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ baseURL: undefined });

test("every page but sign-in requires a session", async ({ page }) => {
  await page.goto(`${server.url}/admin/users`);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
});

test("an editor signs in and sees organisation, department and role, but no admin pages", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await formSignIn(page, "dqb1");
  const who = page.getByTestId("whoami");
  await expect(who).toContainText("李明");
  await expect(who).toContainText("党群工作部");
  await expect(who).toContainText("撰稿人");
  await expect(page.getByTestId("org-name")).toHaveText("示例集团公司");
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  await expect(page.getByRole("link", { name: "账号管理" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await testInfo.attach("editor-landing", { body: await page.screenshot(), contentType: "image/png" });
  await context.close();
});

test("a reviewer signs in and sees the reviewer role", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await formSignIn(page, "reviewer");
  await expect(page.getByTestId("whoami")).toContainText("审核人");
  await expect(page.getByTestId("whoami")).toContainText("党委办公室");
  await page.goto("/admin/departments");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await context.close();
});

test("the admin manages departments and accounts with errors next to the field", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await formSignIn(page, "admin");
  await expect(page.getByTestId("whoami")).toContainText("管理员");
  await page.goto("/admin/departments");
  await page.getByLabel("新部门名称").fill("工会");
  await page.getByRole("button", { name: "新建部门" }).click();
  await expect(page.getByText("部门「工会」已存在")).toBeVisible();
  await page.getByLabel("新部门名称").fill("财务部");
  await page.getByRole("button", { name: "新建部门" }).click();
  await expect(page.getByRole("textbox", { name: "财务部 名称" })).toBeVisible();

  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "新建账号" });
  await form.getByLabel("用户名").fill("cw1");
  await form.getByLabel("姓名").fill("钱会计");
  await form.getByLabel("初始密码").fill("short");
  await form.getByLabel("部门", { exact: true }).selectOption({ label: "财务部" });
  await form.getByRole("button", { name: "创建账号" }).click();
  await expect(form.getByText("密码至少 8 位")).toBeVisible();
  await form.getByLabel("初始密码").fill("caiwu-2026");
  await form.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByTestId("user-cw1")).toBeVisible();
  await testInfo.attach("admin-users", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // Disable the account: it can no longer sign in.
  const row = page.getByTestId("user-cw1");
  await row.getByLabel("停用").check();
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByText("已保存")).toBeVisible();
  const other = await browser.newContext({ baseURL: server.url });
  const otherPage = await other.newPage();
  await formSignIn(otherPage, "cw1", "caiwu-2026");
  await expect(otherPage.getByTestId("login-error")).toContainText("停用");
  await other.close();
  await context.close();
});

test("a wrong password shows a clear Chinese error and the 6th attempt is refused", async ({ page }, testInfo) => {
  await page.goto(`${server.url}/login`);
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("用户名").fill("gh1");
    await page.getByLabel("密码").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("login-error")).toContainText("用户名或密码错误");
  }
  await page.getByLabel("密码").fill("hegao-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toContainText("锁定");
  await expect(page).toHaveURL(/\/login/);
  await testInfo.attach("locked", { body: await page.screenshot(), contentType: "image/png" });
});

test("a script signs in over HTTP, and data survives a restart", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  expect(await apiSignIn(request, server.url, "admin")).toBe(200);
  const session = await (await request.get(`${server.url}/api/auth/session`)).json();
  expect(session.user).toMatchObject({ username: "admin", role: "admin", departmentName: "党委办公室" });
  await server.stop();
  await server.restart();
  // The session cookie stays valid (the secret is kept in the data folder) and data is kept.
  const again = await (await request.get(`${server.url}/api/auth/session`)).json();
  expect(again.user?.username).toBe("admin");
  const page = await request.get(`${server.url}/admin/departments`);
  expect(await page.text()).toContain("财务部");
  await request.dispose();
});
