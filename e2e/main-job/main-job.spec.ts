/**
 * The main job, end to end in Chromium against the real production server: last year's
 * summary (group-company seed, a real download) is imported through the import page, assigned
 * to departments, co-written live by two editors of one department, submitted and approved,
 * finalized on the preview page and downloaded as .docx, which is then read back and checked
 * against GB/T 9704 (numbered headings in order, fonts, sizes, margins, page-number footer).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { inspectDocx } from "@/lib/export/inspect-docx";
import { appendParagraph, editable, expectText, fillAllBlanks, outline, rangesOf, saved, transition, typeOver } from "./support";

const SEED = path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds/group-company-2020h1.txt");
const HEADINGS = [
  "一、上半年工作成效",
  "（一）筑牢“主阵地”，让思想教育“实”起来",
  "（二）畅通“主动脉”，让战斗堡垒“强”起来",
  "（三）锤炼“主力军”，让模范作用“亮”出来",
  "（四）把牢“主动权”，让管党治党“严”起来",
  "二、存在问题及不足",
  "（一）党员教育管理力度需要加大",
  "（二）干部队伍建设力度需要加大",
  "（三）廉政风险防范力度需要加大",
  "三、下半年工作举措",
  "（一）以提升向心力为导向，推动思想建设展现新气象",
  "（二）以提升组织力为重点，推动基础建设迈上新台阶",
  "（三）以提升战斗力为目标，推动队伍建设实现新突破",
  "（四）以提升凝聚力为核心，推动廉政建设开创新局面",
];
/** Which demo editor writes for which department. */
const EDITOR_OF: Record<string, string> = { 党群工作部: "dqb1", 人力资源部: "rlzy1", 纪检监察室: "jjs1" };
const mm = (v: number) => Math.round((v * 1440) / 25.4);

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("import → assign → co-edit → review → finalize → .docx", async ({ browser }, testInfo) => {
  test.setTimeout(360_000);
  const shot = (page: Page, name: string, fullPage = false) => attachScreenshot(testInfo, name, page, fullPage);
  const url = server.url;

  // 1. The admin imports last year's file through the import page.
  const admin = await signedInPage(browser, url, "admin", "/reports/import");
  await admin.getByLabel("选择文件").setInputFiles(SEED);
  await admin.getByRole("button", { name: "识别文件" }).click();
  const rows = admin.getByTestId("plan-row");
  await expect(rows).toHaveCount(HEADINGS.length);
  await expect(admin.getByTestId("plan-number")).toHaveText(HEADINGS.map((h) => h.match(/^(.、|（.）)/)![0]));
  await expect(admin.getByLabel("总结标题")).toHaveValue("2020年企业党建年中工作总结");
  await expect(admin.getByTestId("plan-placeholders")).toHaveCount(5);
  // Numbers follow the levels live: indent （二） under （一） and back.
  await rows.nth(2).getByRole("button", { name: "降级" }).click();
  await expect(admin.getByTestId("plan-number").nth(2)).toHaveText("1.");
  await expect(admin.getByTestId("plan-number").nth(3)).toHaveText("（二）");
  await rows.nth(2).getByRole("button", { name: "升级" }).click();
  await expect(admin.getByTestId("plan-number").nth(3)).toHaveText("（三）");
  // All to 党群工作部 except two sections.
  await admin.getByLabel("全部分配给").selectOption({ label: "党群工作部" });
  await admin.getByRole("button", { name: "应用", exact: true }).click();
  await expect(admin.getByLabel("第1节部门")).toHaveValue(""); // 上半年工作成效: a grouping heading
  await admin.getByLabel("第7节部门").selectOption({ label: "人力资源部" });
  await admin.getByLabel("第9节部门").selectOption({ label: "纪检监察室" });
  await admin.getByLabel("截止日期", { exact: true }).fill("2026-07-10");
  await shot(admin, "1-import-preview", true);
  await admin.getByRole("button", { name: "创建总结" }).click();
  await admin.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const reportId = admin.url().split("/").pop()!;
  await expect(admin.getByText("筑牢“主阵地”，让思想教育“实”起来").first()).toBeVisible();
  await shot(admin, "2-dashboard", true);

  const sections = await outline(admin.context().request, url, reportId);
  expect(sections.map((s) => s.number + s.title)).toEqual(HEADINGS);
  const byTitle = (start: string) => sections.find((s) => s.title.startsWith(start))!;
  expect(byTitle("党员教育管理").departmentName).toBe("人力资源部");
  expect(byTitle("上半年工作成效").headingOnly).toBe(true);
  const reviewed = sections.filter((s) => !s.headingOnly);
  expect(reviewed).toHaveLength(13);

  // 2. Two editors of 党群工作部 co-edit （一） live and fill its blanks.
  const shared = byTitle("筑牢");
  const e1 = await signedInPage(browser, url, "dqb1", `/sections/${shared.id}`);
  const e2 = await signedInPage(browser, url, "dqb2", `/sections/${shared.id}`);
  await editable(e1);
  await editable(e2);
  const blanks = await rangesOf(e1, "XX");
  expect(blanks).toHaveLength(2);
  await typeOver(e1, blanks[1], "12"); // 共计XX场次
  await expectText(e2, "共计12场次");
  const [remaining] = await rangesOf(e2, "XX"); // 赴XX地
  await typeOver(e2, remaining, "红色教育基");
  await expectText(e1, "赴红色教育基地开展重温入党誓词活动");
  await appendParagraph(e1, "上半年共开展专题学习12次，覆盖党员326名。");
  await expectText(e2, "覆盖党员326名");
  await saved(e1);
  await saved(e2);
  await expect(e1.getByTestId("placeholder-count")).toHaveText("待补充：0 处");
  await shot(e1, "3-editor-coediting");
  // Submitted through the UI; the other editor's copy turns read-only live.
  await e1.getByTestId("transition-submit").getByRole("button").click();
  await expect(e2.locator(".ProseMirror[contenteditable=false]")).toBeVisible({ timeout: 15_000 });

  // 3. The other sections with blanks are filled by their department's editor.
  const editors: Record<string, Page> = { 党群工作部: e1 };
  const editorPage = async (dept: string) => (editors[dept] ??= await signedInPage(browser, url, EDITOR_OF[dept], "/"));
  for (const start of ["畅通", "锤炼", "把牢", "廉政风险防范"]) {
    const s = byTitle(start);
    const page = await editorPage(s.departmentName!);
    await page.goto(`/sections/${s.id}`);
    await editable(page);
    expect(await fillAllBlanks(page, ["3", "15", "26", "8"])).toBeGreaterThan(0);
    await expectText(page, "XX", true);
    await saved(page);
  }

  // 4. Everything else is submitted through the JSON API with each editor's cookie.
  for (const s of reviewed.filter((x) => x.id !== shared.id)) {
    const page = await editorPage(s.departmentName!);
    expect((await transition(page.context().request, url, s.id, "submit")).state).toBe("in_review");
  }

  // The opening is its own section, written by the coordinating office (the importing admin's 党委办公室).
  const opening = ((await (await admin.context().request.get(`${url}/api/reports/${reportId}`)).json()) as { openingSection: { id: string } }).openingSection;
  const office = await signedInPage(browser, url, "dwb1", "/");
  expect((await transition(office.context().request, url, opening.id, "submit")).state).toBe("in_review");

  // 5. The reviewer approves one section on the review page, the rest through the API.
  const reviewer = await signedInPage(browser, url, "reviewer", `/sections/${shared.id}/review`);
  await expect(reviewer.getByTestId("review-page")).toHaveAttribute("data-state", "in_review");
  await shot(reviewer, "4-review-page");
  await reviewer.getByTestId("transition-approve").getByRole("button", { name: "通过" }).click();
  await expect(reviewer.getByTestId("review-page")).toHaveAttribute("data-state", "approved", { timeout: 15_000 });
  const rest = reviewed.filter((x) => x.id !== shared.id);
  for (const s of rest.slice(0, 6)) await transition(reviewer.context().request, url, s.id, "approve");
  await transition(reviewer.context().request, url, opening.id, "approve");

  // 6. The preview marks what is not approved yet, and 定稿 waits for it.
  await admin.goto(`/reports/${reportId}/preview`);
  await expect(admin.getByTestId("state-badge")).toHaveCount(rest.length - 6);
  await expect(admin.getByRole("button", { name: "定稿" })).toBeDisabled();
  await expect(admin.getByTestId("finalize-blocked")).toContainText(`还有 ${rest.length - 6} 个章节未通过审核`);
  await admin.getByTestId("state-badge").first().scrollIntoViewIfNeeded();
  await shot(admin, "5-preview-partly-approved");
  for (const s of rest.slice(6)) await transition(reviewer.context().request, url, s.id, "approve");

  await admin.reload();
  await expect(admin.getByTestId("state-badge")).toHaveCount(0);
  await expect(admin.getByTestId("paper")).toContainText("覆盖党员326名");
  await admin.getByRole("button", { name: "定稿" }).click();
  await admin.getByRole("alertdialog", { name: "确定定稿吗？" }).getByRole("button", { name: "确认定稿" }).click();
  await expect(admin.getByText("已定稿（第1版）")).toBeVisible({ timeout: 15_000 });
  await expect(admin.getByTestId("finals")).toContainText("第1版");
  await shot(admin, "6-preview-finalized");

  // 7. Download the final .docx and read it back.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "导出 Word" }).click()]);
  expect(download.suggestedFilename()).toBe("2020年企业党建年中工作总结（第1版）.docx");
  const file = testInfo.outputPath("final.docx");
  await download.saveAs(file);
  await testInfo.attach("final.docx", { path: file, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  const docx = await inspectDocx(new Uint8Array(fs.readFileSync(file)));
  const texts = docx.paragraphs.map((p) => p.text);
  const at = HEADINGS.map((h) => texts.indexOf(h));
  expect(at.every((i) => i >= 0), `headings missing: ${HEADINGS.filter((_, k) => at[k] < 0).join(" | ")}`).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  expect(texts.join("\n")).toContain("赴红色教育基地开展重温入党誓词活动");
  expect(texts.join("\n")).toContain("上半年共开展专题学习12次，覆盖党员326名。");
  expect(texts.join("\n")).not.toMatch(/XX|征求意见稿|未审定/);

  const title = docx.paragraphs.find((p) => p.text === "2020年企业党建年中工作总结")!;
  expect(title).toMatchObject({ align: "center", sizeHalfPoints: 44 });
  expect(title.fonts).toContain("方正小标宋简体");
  const para = (text: string) => docx.paragraphs[texts.indexOf(text)];
  expect(para(HEADINGS[0]).fonts[0]).toBe("黑体");
  expect(para(HEADINGS[1]).fonts[0]).toBe("楷体_GB2312");
  const body = docx.paragraphs.find((p) => p.text.startsWith("2020年上半年以来，集团公司党委"))!;
  expect(body.fonts[0]).toBe("仿宋_GB2312");
  expect(body.sizeHalfPoints).toBe(32);
  expect(body.indent.firstLineChars ?? body.indent.firstLine).toBeTruthy();
  for (const [side, value] of Object.entries({ top: 37, bottom: 35, left: 28, right: 26 })) {
    expect(Math.abs(docx.pageMargins[side as "top"] - mm(value)), side).toBeLessThanOrEqual(1);
  }
  expect(docx.footers.find((f) => f.type === "default")).toMatchObject({ text: "— {PAGE} —", align: "right" });
  expect(docx.footers.find((f) => f.type === "even")).toMatchObject({ text: "— {PAGE} —", align: "left" });
  expect(docx.headers).toEqual([]);

  // 8. Reopen with a reason, finalize again: 第2版, and 第1版 stays downloadable.
  await admin.getByLabel("重新打开原因").fill("补充下半年数据");
  await admin.getByRole("button", { name: "重新打开" }).click();
  await expect(admin.getByText("已重新打开，各章节可继续修改")).toBeVisible();
  await expect(admin.getByRole("link", { name: "导出 Word" })).toBeVisible();
  await admin.getByRole("button", { name: "定稿" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "确认定稿" }).click();
  await expect(admin.getByText("已定稿（第2版）")).toBeVisible({ timeout: 15_000 });
  await expect(admin.getByTestId("finals").locator("li")).toHaveCount(2);
  const first = await admin.context().request.get(`${url}/api/reports/${reportId}/export?format=md&final=1`);
  expect(first.headers()["x-hegao-final"]).toBe("1");
  expect(await first.text()).toContain("覆盖党员326名");
});
