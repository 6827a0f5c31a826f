/**
 * The import page's refusals and paths, the outline editor and who may preview / export,
 * against the real production server with the demo data.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("the import page explains what it cannot read, and shows removed lines", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, server.url, "admin", "/reports/import");
  const file = (name: string, body: Buffer | string) => {
    const p = testInfo.outputPath(name);
    fs.writeFileSync(p, body);
    return p;
  };
  const tryFile = async (p: string, message: RegExp) => {
    await page.getByLabel("选择文件").setInputFiles(p);
    await page.getByRole("button", { name: "识别文件" }).click();
    await expect(page.getByTestId("import-error-file")).toHaveText(message);
  };
  await tryFile(file("empty.txt", ""), /空的（0 字节）/);
  await tryFile(file("photo.txt", Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))), /二进制/);
  await tryFile(file("renamed.docx", "这其实是文本，只是改了扩展名。"), /不是有效的 Word 文档/);
  await tryFile(file("big.txt", Buffer.alloc(20 * 1024 * 1024, 0x41)), /文件过大（20\.0 MB），导入上限为 10 MB/);
  await page.getByRole("button", { name: "识别文字" }).click();
  await expect(page.getByTestId("import-error-text")).toHaveText("请选择要导入的文件，或粘贴总结的文字");

  await page.getByLabel("粘贴总结文字").fill(fs.readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds/county-bureau-2020h1.txt"), "utf8"));
  await page.getByRole("button", { name: "识别文字" }).click();
  await expect(page.getByTestId("removed-lines")).toContainText("已删除的广告 / 水印行（8 行");
  await expect(page.getByTestId("removed-lines")).toContainText("仅供学习 禁止外传");
  await expect(page.getByTestId("plan-number")).toHaveText(["一、", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "二、", "三、"]);
  await page.screenshot({ path: testInfo.outputPath("import-removed.png") });
  // Merge （二） into （一）, delete the last section: numbers follow.
  await page.getByTestId("plan-row").nth(2).getByRole("button", { name: "并入上节" }).click();
  await page.getByRole("button", { name: "删除第8节" }).click();
  await expect(page.getByTestId("plan-number")).toHaveText(["一、", "（一）", "（二）", "（三）", "（四）", "（五）", "二、"]);

  // A blank report.
  await page.getByRole("button", { name: "重新选择来源" }).click();
  await page.getByRole("button", { name: "新建空白总结" }).click();
  await page.getByRole("button", { name: "创建总结" }).click();
  await expect(page.getByText("请填写总结标题")).toBeVisible();
  await page.getByLabel("总结标题").fill("2026年上半年工会工作总结");
  await page.getByLabel("第2节标题").fill("职工技能竞赛");
  await page.getByRole("button", { name: "创建总结" }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByText("职工技能竞赛").first()).toBeVisible();
});

test("the outline editor renumbers after moves and deletes; only admins may use it", async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  await admin.getByRole("link", { name: "示例集团公司2026年上半年党建工作总结" }).click();
  await admin.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportId = admin.url().split("/").pop()!;
  await admin.goto(`/reports/${reportId}/outline`);
  const numbers = admin.getByTestId("outline-number");
  const titles = admin.locator("[data-testid=outline-row] input[name=title]");
  await expect(titles.nth(1)).toHaveValue("坚持政治引领，理论武装持续深化");
  await admin.getByRole("button", { name: "下移坚持政治引领，理论武装持续深化" }).click();
  await expect(titles.nth(1)).toHaveValue("夯实基层基础，组织建设全面加强");
  await expect(titles.nth(2)).toHaveValue("坚持政治引领，理论武装持续深化");
  await expect(numbers.nth(2)).toHaveText("（二）");
  await admin.getByRole("button", { name: "降级坚持政治引领，理论武装持续深化" }).click();
  await expect(numbers.nth(2)).toHaveText("1.");
  await expect(numbers.nth(3)).toHaveText("（二）");
  await admin.getByRole("button", { name: "删除坚持政治引领，理论武装持续深化" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "删除章节" }).click();
  await expect(titles.nth(2)).not.toHaveValue("坚持政治引领，理论武装持续深化");
  await expect(numbers.nth(2)).toHaveText("（二）");
  await admin.getByLabel("新的一级章节标题").fill("典型经验");
  await admin.getByRole("button", { name: "添加一级章节" }).click();
  await expect(titles.last()).toHaveValue("典型经验");
  await expect(numbers.last()).toHaveText("四、");
  await admin.screenshot({ path: testInfo.outputPath("outline.png"), fullPage: true });

  const reviewer = await signedInPage(browser, server.url, "reviewer", `/reports/${reportId}/outline`);
  await expect(reviewer.getByTestId("forbidden")).toBeVisible();
  await reviewer.goto(`/reports/${reportId}/preview`);
  await expect(reviewer.getByTestId("paper")).toContainText("示例集团公司2026年上半年党建工作总结");
  await expect(reviewer.getByTestId("state-badge").first()).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "定稿" })).toHaveCount(0);
  const denied = await reviewer.context().request.get(`${server.url}/api/reports/${reportId}/export?format=docx`);
  expect(denied.status()).toBe(403);
  const editor = await signedInPage(browser, server.url, "dqb1", `/reports/${reportId}/preview`);
  await expect(editor.getByTestId("forbidden")).toBeVisible();

  await admin.goto(`/reports/${reportId}/preview`);
  await admin.screenshot({ path: testInfo.outputPath("preview-draft.png") });
  const md = await admin.context().request.get(`${server.url}/api/reports/${reportId}/export?format=md`);
  expect(md.status()).toBe(200);
  expect(md.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("示例集团公司2026年上半年党建工作总结（征求意见稿）.md")}`);
  expect(await md.text()).toContain("征求意见稿");
  const bad = await admin.context().request.get(`${server.url}/api/reports/${reportId}/export?format=pdf`);
  expect(bad.status()).toBe(422);
  void path;
});
