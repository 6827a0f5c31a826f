/**
 * The report's own parts, end to end in Chromium against the production server (issue 12): a
 * real summary (county-bureau seed, `X党委` in its opening) is imported; the admin sets 主送,
 * 附件 and 落款 on the settings page; with every section approved, finalize is refused naming
 * the opening's blanks (API 422 and the preview's panel); the coordinating office fills in the
 * opening in its own editor, it is approved, and the final .docx has 主送, opening, 附件说明,
 * 落款 and 成文日期 in that order.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { inspectDocx } from "@/lib/export/inspect-docx";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { editable, outline, rangesOf, saved, transition, typeOver } from "../main-job/support";

const SEED = path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds/county-bureau-2020h1.txt");

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ dataDir: fs.mkdtempSync("/tmp/report-parts-") });
});
test.afterAll(async () => {
  await server?.stop();
});

interface ReportJson {
  addressee: string; opening: string; attachments: string[]; signOff: { unit: string; date: string | null };
  placeholders: { part: string; text: string; context: string }[]; openingSection: { id: string; state: string };
}

test("blanks in the opening refuse finalize until it is filled in; the .docx has 主送, 附件 and 落款", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const shot = (page: Page, name: string, fullPage = false) => attachScreenshot(testInfo, name, page, fullPage);
  const url = server.url;

  // 1. Import the seed, keeping the sections without blanks (the others would need filling first).
  const admin = await signedInPage(browser, url, "admin", "/reports/import");
  await admin.getByLabel("选择文件").setInputFiles(SEED);
  await admin.getByRole("button", { name: "识别文件" }).click();
  await expect(admin.getByTestId("plan-row")).toHaveCount(9, { timeout: 30_000 });
  for (const n of [9, 8, 7, 6, 5, 4, 3]) await admin.getByRole("button", { name: `删除第${n}节` }).click();
  await admin.getByLabel("全部分配给").selectOption({ label: "党群工作部" });
  await admin.getByRole("button", { name: "应用", exact: true }).click();
  await admin.getByRole("button", { name: "创建总结" }).click();
  await admin.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const reportId = admin.url().split("/").pop()!;
  const api = admin.context().request;
  const report = async () => (await (await api.get(`${url}/api/reports/${reportId}`)).json()) as ReportJson;

  // The dashboard counts the blanks per part: three X in the opening, written by 党委办公室.
  await expect(admin.getByTestId("part-count-opening")).toHaveAttribute("data-count", "3");
  await expect(admin.getByTestId("part-count-body")).toHaveAttribute("data-count", "0");
  await expect(admin.getByTestId("opening-row")).toContainText("党委办公室");
  expect((await report()).placeholders.map((p) => p.part)).toEqual(["opening", "opening", "opening"]);
  await shot(admin, "0-dashboard-parts");

  // 2. 主送, 附件 (added, reordered) and 落款 on the settings page.
  await admin.getByTestId("settings-link").click();
  await expect(admin.getByLabel("开头由").locator("option:checked")).toHaveText("党委办公室");
  await admin.getByLabel("主送机关").fill("县委、县政府：");
  await admin.getByRole("button", { name: "添加附件" }).click();
  await admin.getByLabel("附件1名称").fill("党员发展情况统计表");
  await admin.getByRole("button", { name: "添加附件" }).click();
  await admin.getByLabel("附件2名称").fill("重点项目清单");
  await admin.getByRole("button", { name: "上移附件2" }).click();
  await admin.getByLabel("落款单位").fill("中共县工业和信息化局委员会");
  await admin.getByLabel("成文日期").fill("2020年7月10日");
  await admin.getByLabel("成文日期").press("Enter");
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("status")).toHaveText("已保存");
  await shot(admin, "1-report-settings", true);
  expect(await report()).toMatchObject({
    addressee: "县委、县政府", attachments: ["重点项目清单", "党员发展情况统计表"], signOff: { unit: "中共县工业和信息化局委员会", date: "2020-07-10" },
  });
  // Bad input is refused with a reason; editors may not change the parts.
  const bad = await api.patch(`${url}/api/reports/${reportId}`, { data: { signOff: { unit: "", date: "2020-02-30" } } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toBe("日期无效");
  const editor = await signedInPage(browser, url, "dqb1", `/reports/${reportId}/settings`);
  await expect(editor.getByText("只有管理员可以修改总结的标题、主送、附件和落款")).toBeVisible();
  await expect(editor.getByTestId("settings-form")).toHaveCount(0);
  expect((await editor.context().request.patch(`${url}/api/reports/${reportId}`, { data: { title: "改" } })).status()).toBe(403);
  // The settings page at 390 px: no sideways scrolling.
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.reload();
  await expect(admin.getByLabel("主送机关")).toHaveValue("县委、县政府");
  expect(await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await shot(admin, "1b-report-settings-390", true);
  await admin.setViewportSize({ width: 1366, height: 768 });

  // 3. Every section approved; finalize is refused naming the opening's blanks.
  const sections = (await outline(api, url, reportId)).filter((s) => !s.headingOnly);
  expect(sections).toHaveLength(1);
  await transition(editor.context().request, url, sections[0].id, "submit");
  const reviewer = await signedInPage(browser, url, "reviewer", "/");
  await transition(reviewer.context().request, url, sections[0].id, "approve");
  const refused = await api.post(`${url}/api/reports/${reportId}/finalize`);
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { error: { code: string; details: { part: string; text: string; context: string }[] } };
  expect(body.error.code).toBe("placeholders");
  expect(body.error.details.map((d) => d.part)).toEqual(["opening", "opening", "opening"]);
  expect(body.error.details[0].context).toContain("X党委以习近平");
  await admin.goto(`/reports/${reportId}/preview`);
  await expect(admin.getByTestId("finalize-blank")).toHaveCount(3);
  await expect(admin.getByTestId("finalize-blank").first()).toContainText("开头：“2020年，X党委以习近平");
  await expect(admin.getByRole("button", { name: "定稿" })).toBeDisabled();
  await admin.getByTestId("finalize-blanks").scrollIntoViewIfNeeded();
  await shot(admin, "2-finalize-refused");

  // 4. 党委办公室's editor opens the opening from the dashboard and fills in its blanks.
  const office = await signedInPage(browser, url, "dwb1", `/reports/${reportId}`);
  await office.getByTestId("opening-link").click();
  await editable(office);
  for (const r of (await rangesOf(office, "X")).reverse()) await typeOver(office, r, "县工信局");
  await saved(office);
  await expect(office.getByTestId("placeholder-count")).toHaveText("待补充：0 处");
  await shot(office, "3-opening-editor");
  const openingId = (await report()).openingSection.id;
  expect(office.url()).toContain(`/sections/${openingId}`);
  await transition(office.context().request, url, openingId, "submit");
  // Not approved yet: 409.
  expect((await api.post(`${url}/api/reports/${reportId}/finalize`)).status()).toBe(409);
  await transition(reviewer.context().request, url, openingId, "approve");

  // 5. 定稿 in the UI, then the .docx.
  await admin.reload();
  await expect(admin.getByTestId("finalize-blank")).toHaveCount(0);
  await admin.getByRole("button", { name: "定稿" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "确认定稿" }).click();
  await expect(admin.getByText("已定稿（第1版）")).toBeVisible({ timeout: 15_000 });
  const docxRes = await api.get(`${url}/api/reports/${reportId}/export?format=docx`);
  expect(docxRes.status()).toBe(200);
  const docx = await inspectDocx(new Uint8Array(await docxRes.body()));
  const texts = docx.paragraphs.map((p) => p.text.replace(/\t/g, ""));
  const at = (re: RegExp) => texts.findIndex((t) => re.test(t));
  const order = [
    at(/^2020年上半年党建工作总结$/), at(/^县委、县政府：$/), at(/^2020年，县工信局党委以习近平/), at(/^一、工作开展情况$/),
    at(/^附件：1\.重点项目清单$/), at(/^2\.党员发展情况统计表$/), at(/^中共县工业和信息化局委员会$/), at(/^2020年7月10日$/),
  ];
  expect(order.every((i) => i >= 0), `missing in ${JSON.stringify(texts)}`).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await admin.reload();
  await expect(admin.getByTestId("paper-addressee")).toHaveText("县委、县政府：");
  await expect(admin.getByTestId("paper-attachments")).toContainText("附件：1.重点项目清单");
  expect(texts.join("\n")).not.toMatch(/X党委|征求意见稿/);
});
