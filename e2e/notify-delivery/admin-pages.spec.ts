/**
 * The admin's side of notification delivery in Chromium: an account's e-mail on 账号管理, a
 * 钉钉 robot added on 群机器人 (bad URL refused next to its field), and the 发送记录 log whose
 * 重试 sends a failed message once. Screenshots at desktop and phone width.
 */
import { expect, test } from "@playwright/test";
import { notificationDeliveries, robotWebhooks } from "@/db/schema";
import { startReceiver } from "@/lib/notify/outbox/test-support";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { seededDataDir, withStoppedDb } from "./support";

let server: RunningServer;
let rx: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  rx = await startReceiver({ secret: "SECadmin" });
  const dataDir = await seededDataDir();
  // A failed and a sent delivery in the log, through a robot the admin will see.
  await withStoppedDb(dataDir, async (db) => {
    const [robot] = await db.insert(robotWebhooks).values({ vendor: "wecom", name: "工会工作群", url: `${rx.url}/wecom?key=k` }).returning();
    const payload = { title: "【合稿】催报", markdown: "**【合稿】催报**\n\n请工会尽快提交《加强工会建设》", text: "请工会尽快提交", link: "http://localhost/reports/x" };
    await db.insert(notificationDeliveries).values([
      { channel: "wecom", target: robot.id, idempotencyKey: "robot:e2e:1", payload, status: "failed", attempts: 8, lastError: "机器人地址返回 HTTP 502：Bad Gateway" },
      { channel: "email", target: "dqb1@example.cn", idempotencyKey: "email:e2e:2", payload: { subject: "【合稿】《夯实基层基础》被退回修改", text: "…", link: "/" }, status: "sent", attempts: 1, sentAt: new Date() },
    ]);
  });
  server = await startServer({ dataDir });
});
test.afterAll(async () => {
  await server?.stop();
  await rx?.close();
});

test("the admin sets an account's e-mail, adds a robot and retries a failed delivery", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, server.url, "admin", "/admin/users");
  const row = page.getByTestId("user-dqb1");
  await row.getByLabel("通知邮箱").fill("不是邮箱");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("alert")).toHaveText("邮箱地址格式不正确");
  await row.getByLabel("通知邮箱").fill("liming@example.cn");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toHaveText("已保存");
  await page.reload();
  await expect(page.getByTestId("user-dqb1").getByLabel("通知邮箱")).toHaveValue("liming@example.cn");
  await attachScreenshot(testInfo, "admin-users-email", page);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "通知渠道" }).click();
  await expect(page.getByRole("heading", { name: "群机器人" })).toBeVisible();
  const add = page.locator("section", { has: page.getByRole("heading", { name: "添加机器人" }) });
  await add.getByLabel("类型").selectOption("dingtalk");
  await add.getByLabel("名称").fill("党群工作部工作群");
  await add.getByLabel("Webhook 地址").fill("oapi.dingtalk.com/robot/send");
  await add.getByLabel("加签密钥（SEC…）").fill("SECadmin");
  await add.getByLabel("接收范围").selectOption({ label: "部门：党群工作部" });
  await add.getByRole("button", { name: "添加机器人" }).click();
  await expect(add.getByRole("alert")).toHaveText("Webhook 地址必须是 http(s):// 开头的完整网址");
  await add.getByLabel("Webhook 地址").fill(`${rx.url}/dingtalk?access_token=t`);
  await add.getByRole("button", { name: "添加机器人" }).click();
  const card = page.getByTestId("robot-党群工作部工作群");
  await expect(card).toContainText("部门：党群工作部");
  await expect(card.getByLabel("加签密钥（SEC…）")).toHaveAttribute("placeholder", "已设置（留空不变）");
  await card.getByRole("button", { name: "发送测试消息" }).click();
  await expect(card.getByRole("status").filter({ hasText: "测试消息" })).toHaveText("测试消息已送达");
  expect(rx.calls.map((c) => c.path)).toEqual(["/dingtalk"]); // signature checked by the receiver
  await page.getByTestId("robot-工会工作群").getByRole("button", { name: "停用" }).click();
  await expect(page.getByTestId("robot-工会工作群")).toContainText("已停用");
  await page.getByTestId("robot-工会工作群").getByRole("button", { name: "启用" }).click();
  await expect(page.getByTestId("robot-工会工作群")).toContainText("启用中");
  await attachScreenshot(testInfo, "admin-robots", page, true);

  await page.getByRole("link", { name: "发送记录" }).click();
  const failed = page.getByTestId("delivery-row").filter({ hasText: "工会工作群" });
  await expect(failed).toContainText("失败");
  await expect(failed).toContainText("HTTP 502");
  await expect(page.getByTestId("delivery-row").filter({ hasText: "dqb1@example.cn" }).getByRole("button", { name: "重试" })).toHaveCount(0);
  await attachScreenshot(testInfo, "admin-deliveries", page);
  await failed.getByRole("button", { name: "重试" }).click();
  await expect(failed.getByRole("status")).toHaveText("已安排立即重试");
  await expect.poll(() => rx.calls.length, { timeout: 10_000 }).toBe(2);
  expect(rx.calls[1].path).toBe("/wecom");
  await page.reload();
  await expect(page.getByTestId("delivery-row").filter({ hasText: "工会工作群" })).toContainText("已发送");
  await page.getByRole("link", { name: "失败" }).click();
  await expect(page.getByText("没有失败的发送记录。")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/deliveries");
  await attachScreenshot(testInfo, "admin-deliveries-phone", page, true);
  await page.goto("/admin/robots");
  await attachScreenshot(testInfo, "admin-robots-phone", page, true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
