/**
 * Review chains end to end in Chromium against the real production server, on a real summary
 * (enterprise department seed) imported through the import page with the demo's three-stage
 * chain (部门负责人审核 → 党办审核 → 分管领导签批, the last a 会签 of two leaders):
 * editor submits → the department lead approves (next item offered after each) → 党办 returns
 * one with a comment → the editor sees it, fixes and resubmits → every stage approves, both
 * leaders at the last → each approver's inbox empties as they act → finalize → .docx.
 * Self-approval and a second approval by the same person are refused in the UI and over the
 * API; an admin's 转交 (delegation) completes a stage.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { inspectDocx } from "@/lib/export/inspect-docx";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { appendParagraph, editable, outline, rangesOf, saved, typeOver } from "../main-job/support";

const SEED = path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds/enterprise-dept-2020h1.txt");
const CHAIN = "三级审核（部门负责人→党办→分管领导会签）";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ dataDir: fs.mkdtempSync("/tmp/chains-") });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Fires `event` through the JSON API with the section's current version. */
async function act(request: APIRequestContext, id: string, event: string, extra: Record<string, unknown> = {}) {
  const { version } = (await (await request.get(`${server.url}/api/sections/${id}`)).json()) as { version: number };
  const res = await request.post(`${server.url}/api/sections/${id}/transition`, { data: { event, version, ...extra } });
  return { status: res.status(), json: (await res.json()) as { state?: string; stage?: { index: number }; error?: { code: string; message: string } } };
}
const inboxIds = async (page: Page) =>
  ((await (await page.context().request.get(`${server.url}/api/review-inbox`)).json()) as { items: { sectionId: string }[] }).items.map((i) => i.sectionId);

test("three-stage chain with a 会签 of two leaders, a return, a delegation, finalize → .docx", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const shot = (page: Page, name: string, fullPage = false) => attachScreenshot(testInfo, name, page, fullPage);
  const url = server.url;

  // The admin sees the demo's chain template, then imports the seed with it.
  const admin = await signedInPage(browser, url, "admin", "/admin/chains");
  await expect(admin.getByTestId("chain-template")).toContainText("分管领导签批");
  await admin.getByRole("button", { name: "编辑" }).first().click();
  await expect(admin.getByTestId("stage-editor")).toHaveCount(3);
  await shot(admin, "chains-admin-dialog");
  await admin.getByRole("button", { name: "关闭" }).click();

  await admin.goto("/reports/import");
  await admin.getByLabel("选择文件").setInputFiles(SEED);
  await admin.getByRole("button", { name: "识别文件" }).click();
  await expect(admin.getByTestId("plan-row")).toHaveCount(8);
  // Keep the sections without blanks (the others would need their blanks filled first).
  for (const n of [8, 4, 3, 2]) await admin.getByRole("button", { name: `删除第${n}节` }).click();
  await expect(admin.getByTestId("plan-row")).toHaveCount(4);
  await admin.getByLabel("全部分配给").selectOption({ label: "党群工作部" });
  await admin.getByRole("button", { name: "应用", exact: true }).click();
  await admin.getByLabel("审核流程").selectOption({ label: CHAIN });
  await admin.getByRole("button", { name: "创建总结" }).click();
  await admin.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const reportId = admin.url().split("/").pop()!;
  await expect(admin.getByTestId("report-chain")).toContainText("部门负责人审核 → 党办审核 → 分管领导签批");
  const reviewed = (await outline(admin.context().request, url, reportId)).filter((s) => !s.headingOnly);
  expect(reviewed).toHaveLength(3);
  const [A, B, C] = reviewed;

  // The editor submits A in the UI and B over the API; the department lead submits C.
  const editor = await signedInPage(browser, url, "dqb1", `/sections/${A.id}`);
  await editable(editor);
  await editor.getByTestId("transition-submit").getByRole("button").click();
  await expect(editor.getByTestId("section-sidebar")).toHaveAttribute("data-state", "in_review", { timeout: 15_000 });
  await expect(editor.getByTestId("sidebar-stage")).toContainText("部门负责人审核");
  expect((await act(editor.context().request, B.id, "submit")).status).toBe(200);
  const lead = await signedInPage(browser, url, "dqblead", "/inbox");
  expect((await act(lead.context().request, C.id, "submit")).status).toBe(200);

  // The lead's inbox holds A and B (not C: they submitted it), oldest first.
  await lead.reload();
  await expect(lead.getByTestId("inbox-item")).toHaveCount(2);
  await expect(lead.getByTestId("inbox-count")).toHaveText("2");
  await shot(lead, "inbox-lead");
  // Self-approval refused in the UI and over the API.
  await lead.goto(`/sections/${C.id}/review`);
  await expect(lead.getByTestId("decision-closed")).toHaveText("此版本由您提交，不能审核自己提交的内容");
  await expect(lead.getByTestId("transition-approve")).toHaveCount(0);
  expect(await act(lead.context().request, C.id, "approve")).toEqual({ status: 403, json: { error: { code: "forbidden", message: "此版本由您提交，不能审核自己提交的内容" } } });
  // Approve A in the UI; the page offers the next one (B), approve it too: the inbox empties.
  await lead.getByTestId("inbox-link").click();
  await lead.getByTestId("inbox-item").first().getByRole("link").click();
  await lead.getByTestId("transition-approve").getByRole("button", { name: "通过" }).click();
  await expect(lead.getByTestId("next-item")).toBeVisible({ timeout: 15_000 });
  await lead.getByTestId("next-item").click();
  await lead.getByTestId("transition-approve").getByRole("button", { name: "通过" }).click();
  await expect(lead.getByTestId("decision-closed")).toBeVisible({ timeout: 15_000 });
  expect(await inboxIds(lead)).toEqual([]);

  // C waits at stage 1 for nobody who may approve: the admin hands it (转交) to 党委办公室's lead.
  await admin.goto(`/sections/${C.id}/review`);
  await admin.getByTestId("delegate").locator("summary").click();
  await admin.getByLabel("转交给").selectOption("dwblead");
  await admin.getByTestId("transition-delegate").getByRole("button", { name: "转交" }).click();
  await expect(admin.getByTestId("transition-delegate").getByRole("status")).toContainText("已转交", { timeout: 15_000 });
  const dwbLead = await signedInPage(browser, url, "dwblead", "/inbox");
  await expect(dwbLead.getByTestId("inbox-item")).toHaveCount(1);
  expect((await act(dwbLead.context().request, C.id, "approve")).json).toMatchObject({ state: "in_review", stage: { index: 2 } });

  // 党办 returns A with a comment; approves B and C.
  const office = await signedInPage(browser, url, "reviewer", "/inbox");
  await expect(office.getByTestId("inbox-item")).toHaveCount(3);
  await office.goto(`/sections/${A.id}/review`);
  await office.getByLabel("退回意见（必填）").fill("请补充监督检查的次数和整改结果");
  await office.getByTestId("transition-request_changes").getByRole("button", { name: "退回修改" }).click();
  await expect(office.getByTestId("review-page")).toHaveAttribute("data-state", "changes_requested", { timeout: 15_000 });
  await expect(office.getByTestId("own-return")).toContainText("请补充监督检查的次数和整改结果");
  for (const s of [B, C]) expect((await act(office.context().request, s.id, "approve")).status).toBe(200);
  expect(await inboxIds(office)).toEqual([]);

  // The editor sees the return reason, fixes the text and resubmits: back to stage 1.
  await editor.goto(`/sections/${A.id}`);
  await expect(editor.getByTestId("returned-comment")).toContainText("请补充监督检查的次数和整改结果");
  await editable(editor);
  await appendParagraph(editor, "上半年开展监督检查6次，发现问题9项，已全部整改。");
  await saved(editor);
  await editor.getByTestId("transition-submit").getByRole("button").click();
  await expect(editor.getByTestId("sidebar-stage")).toContainText("部门负责人审核", { timeout: 15_000 });
  expect((await act(lead.context().request, A.id, "approve")).status).toBe(200);
  await office.goto(`/sections/${A.id}/review`);
  await expect(office.getByTestId("own-return")).toContainText("请补充监督检查的次数");
  await office.getByTestId("transition-approve").getByRole("button", { name: "通过" }).click();
  await expect(office.getByTestId("decision-closed")).toBeVisible({ timeout: 15_000 });

  // 会签: leader1 approves A in the UI; the stepper shows leader2 pending; a second approval is refused.
  const leader1 = await signedInPage(browser, url, "leader1", "/inbox");
  await expect(leader1.getByTestId("inbox-item")).toHaveCount(3);
  await leader1.goto(`/sections/${A.id}/review`);
  await leader1.getByTestId("transition-approve").getByRole("button", { name: "通过" }).click();
  await expect(leader1.getByTestId("decision-closed")).toHaveText("您已在本轮审核中通过过此章节，同一人不能重复审核", { timeout: 15_000 });
  const steps = leader1.getByTestId("chain-step");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute("data-status", "done");
  await expect(steps.nth(2)).toHaveAttribute("data-status", "current");
  await expect(steps.nth(2).getByTestId("step-approval")).toContainText("贺总经理");
  await expect(steps.nth(2).getByTestId("step-pending")).toHaveText("待审核：谭副书记");
  await leader1.getByTestId("chain-stepper").scrollIntoViewIfNeeded();
  await shot(leader1, "stepper-leader1", true);
  expect(await act(leader1.context().request, A.id, "approve")).toEqual({
    status: 403, json: { error: { code: "forbidden", message: "您已在本轮审核中通过过此章节，同一人不能重复审核" } },
  });
  for (const s of [B, C]) expect((await act(leader1.context().request, s.id, "approve")).json).toMatchObject({ state: "in_review", stage: { index: 3 } });
  expect(await inboxIds(leader1)).toEqual([]);
  const leader2 = await signedInPage(browser, url, "leader2", "/inbox");
  await expect(leader2.getByTestId("inbox-item")).toHaveCount(3);
  for (const s of [A, B, C]) expect((await act(leader2.context().request, s.id, "approve")).json).toEqual({ state: "approved", version: expect.any(Number) });
  await leader2.reload();
  await expect(leader2.getByTestId("inbox-empty")).toBeVisible();

  // History lists every approval with its stage; the dashboard shows all approved.
  await admin.goto(`/sections/${A.id}/history`);
  await expect(admin.getByTestId("event-stage")).toContainText(["3. 分管领导签批", "3. 分管领导签批", "2. 党办审核", "1. 部门负责人审核"]);
  // The opening is a section of the coordinating office (党委办公室): its editor fills the blank
  // (`、   公司党委`) and submits it, and it goes through the same chain.
  const opening = ((await (await admin.context().request.get(`${url}/api/reports/${reportId}`)).json()) as { openingSection: { id: string } }).openingSection;
  const writer = await signedInPage(browser, url, "dwb1", `/sections/${opening.id}`);
  await editable(writer);
  // The seed's blank is NBSP NBSP space between `、` and `公司党委`: replace what lies between.
  const [before] = await rangesOf(writer, "分公司党委、");
  const after = (await rangesOf(writer, "公司党委")).find((r) => r.from > before.to)!;
  await typeOver(writer, { from: before.to, to: after.from }, "本");
  await saved(writer);
  expect((await act(writer.context().request, opening.id, "submit")).status).toBe(200);
  for (const page of [dwbLead, office, leader1, leader2]) expect((await act(page.context().request, opening.id, "approve")).status).toBe(200);

  // Finalize and export the .docx.
  await admin.goto(`/reports/${reportId}/preview`);
  await admin.getByRole("button", { name: "定稿" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "确认定稿" }).click();
  await expect(admin.getByText("已定稿（第1版）")).toBeVisible({ timeout: 15_000 });
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "导出 Word" }).click()]);
  const file = testInfo.outputPath("final.docx");
  await download.saveAs(file);
  const docx = await inspectDocx(new Uint8Array(fs.readFileSync(file)));
  const text = docx.paragraphs.map((p) => p.text).join("\n");
  expect(text).toContain("上半年开展监督检查6次，发现问题9项，已全部整改。");
  expect(text).not.toMatch(/征求意见稿|未审定/);
});
