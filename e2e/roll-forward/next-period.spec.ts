/**
 * 开始下一期 in Chromium: the demo report, every section approved (test helper, before the
 * server starts), is finalized on the preview page; the admin starts the next period from the
 * dashboard (title and period prefilled); the new report has the same outline and assignments,
 * every section empty; an editor sees last period's approved text beside the editor, copies it
 * with 以此为底稿 (a colleague sees it arrive live; a second copy asks first), fills the blank
 * and adds a sentence, submits; the reviewer's first review shows the diff against last period,
 * and the preview compares the whole document. Screenshots at 1366 px and 390 px.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { listReports, getReportWithOutline } from "@/lib/reports/get-report";
import { approveDirectly, userId } from "@/lib/assembly/test-support";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { loadReportParts } from "@/lib/reports/report-parts";
import { markPartPlaceholder } from "@/lib/reports/mark-part-placeholder";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { editorOf, editorText, typeAtEnd } from "../collab/support";
import { outline } from "../main-job/support";

test.describe.configure({ mode: "serial" }); // the API test uses the report the first test finalized

const SECTION = "夯实基层基础，组织建设全面加强";
let server: RunningServer;
let sourceId: string;

test.beforeAll(async () => {
  // The demo organisation with every written section of its report approved, as after a round of reviews.
  const dataDir = fs.mkdtempSync("/tmp/roll-forward-");
  const handle = await openDatabase({ dataDir });
  try {
    await seedDemo(handle.db);
    const [report] = await listReports(handle.db);
    sourceId = report.id;
    const reviewer = await userId(handle.db, "reviewer");
    const { sections, opening } = await getReportWithOutline(handle.db, report.id);
    for (const s of [...sections, ...(opening ? [opening] : [])]) if (!s.headingOnly) await approveDirectly(handle.db, s.id, reviewer);
    // The demo text keeps a few blanks on purpose: the admin marks them 有意保留 (else finalize refuses).
    const [adminRow] = await handle.db.select().from(users).where(eq(users.username, "admin"));
    const actor = { id: adminRow.id, role: adminRow.role, departmentId: adminRow.departmentId };
    for (const p of (await loadReportParts(handle.db, report.id)).placeholders) {
      await markPartPlaceholder(handle.db, { reportId: report.id, actor, key: p.key, intended: true });
    }
  } finally {
    await handle.close();
  }
  server = await startServer({ dataDir });
});
test.afterAll(async () => {
  await server?.stop();
});

test("finalize → 开始下一期 → reference → 以此为底稿 → submit → diff against last period", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const admin = await signedInPage(browser, server.url, "admin", `/reports/${sourceId}/preview`);
  await admin.getByRole("button", { name: "定稿", exact: true }).click();
  await admin.getByRole("button", { name: "确认定稿" }).click();
  await expect(admin.getByText("已定稿（第1版）。")).toBeVisible();

  // 开始下一期 on the finalized report's dashboard, prefilled with the next half-year.
  await admin.goto(`/reports/${sourceId}`);
  await admin.getByTestId("roll-forward").click();
  const dialog = admin.getByTestId("roll-forward-dialog");
  await expect(dialog.getByRole("textbox", { name: "期间", exact: true })).toHaveValue("2026年下半年");
  await expect(dialog.getByRole("textbox", { name: "标题", exact: true })).toHaveValue("示例集团公司2026年下半年党建工作总结");
  await expect(dialog.getByTestId("roll-forward-shift")).toContainText("顺延 6 个月");
  await dialog.getByRole("button", { name: "2027年上半年" }).click();
  await expect(dialog.getByRole("textbox", { name: "标题", exact: true })).toHaveValue("示例集团公司2027年上半年党建工作总结");
  await expect(dialog.getByTestId("roll-forward-shift")).toContainText("顺延 12 个月");
  await dialog.getByRole("button", { name: "2026年下半年" }).click();
  await attachScreenshot(testInfo, "roll-forward-dialog", admin);
  await dialog.getByRole("button", { name: "创建下一期" }).click();
  await expect(admin).not.toHaveURL(new RegExp(sourceId));
  await expect(admin.getByRole("heading", { name: "示例集团公司2026年下半年党建工作总结" })).toBeVisible();
  const nextId = /\/reports\/([0-9a-f-]{36})/.exec(admin.url())![1];
  await expect(admin.getByTestId("previous-report")).toHaveAttribute("href", `/reports/${sourceId}`);
  await attachScreenshot(testInfo, "next-dashboard", admin, true);

  // Same outline and assignments; every section a fresh draft.
  const shape = (rows: Awaited<ReturnType<typeof outline>>) => rows.map((s) => [s.number, s.title, s.departmentName, s.headingOnly]);
  const before = await outline(admin.request, server.url, sourceId);
  const after = await outline(admin.request, server.url, nextId);
  expect(shape(after)).toEqual(shape(before));
  expect(after.every((s) => s.state === "draft")).toBe(true);
  const section = after.find((s) => s.title === SECTION)!;

  // The editor sees last period's approved text beside an empty editor; a colleague has it open too.
  const editor = await signedInPage(browser, server.url, "dqb1", `/sections/${section.id}`);
  const colleague = await signedInPage(browser, server.url, "dqb2", `/sections/${section.id}`);
  const panel = editor.getByTestId("reference-panel");
  await expect(panel).toContainText("上期（第1版定稿）");
  await expect(panel.getByTestId("reference-text")).toContainText("上半年发展党员X名");
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "true");
  expect(await editorText(editor)).toBe("");
  await attachScreenshot(testInfo, "section-reference", editor);
  await panel.getByTestId("use-reference").click();
  await expect.poll(() => editorText(editor)).toContain("完成3个基层党支部按期换届");
  await expect.poll(() => editorText(colleague)).toContain("上半年发展党员X名");
  await expect(editor.getByTestId("save-status")).toHaveText("已保存");

  // A second copy over a non-empty draft asks first; 取消 keeps the draft.
  await panel.getByTestId("use-reference").click();
  await expect(editor.getByTestId("confirm-dialog")).toContainText("用上期内容替换草稿？");
  await editor.getByRole("button", { name: "取消" }).click();

  // Fill the blank, add a sentence, submit.
  await editor.locator(".hegao-placeholder").first().evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await editor.keyboard.insertText("5");
  await typeAtEnd(editor, "下半年继续做好发展党员工作。");
  await expect(editor.getByTestId("save-status")).toHaveText("已保存");
  await editor.getByTestId("section-sidebar").getByRole("button", { name: "提交审核" }).click();
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "false");

  // The first review compares with last period instead of "全文均为新增".
  const reviewer = await signedInPage(browser, server.url, "reviewer", `/sections/${section.id}/review`);
  await expect(reviewer.getByTestId("diff-caption")).toHaveText(/^与上期（第1版定稿）相比：新增 \d+ 字，删除 1 字$/);
  await expect(reviewer.getByText("首次审核：全文均为新增内容")).toHaveCount(0);
  await expect(reviewer.getByRole("button", { name: "修改对比" })).toHaveCount(0);
  const diff = reviewer.getByTestId("previous-diff-view");
  await expect(diff.getByTestId("diff-removed")).toHaveText(["X"]);
  await expect(diff.getByTestId("diff-added").last()).toContainText("下半年继续做好发展党员工作。");
  await attachScreenshot(testInfo, "review-against-last-period", reviewer);

  // The preview compares the whole document.
  await admin.goto(`/reports/${nextId}/preview`);
  await admin.getByTestId("preview-compare").click();
  await expect(admin.getByTestId("previous-comparison")).toBeVisible();
  await expect(admin.getByTestId("comparison-label").first()).toContainText("与上期（第1版定稿）相比");
  await attachScreenshot(testInfo, "preview-compare", admin);

  // At 390 px the reference sits below the editor.
  const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, storageState: await colleague.context().storageState() });
  const small = await phone.newPage();
  const other = after.find((s) => s.title === "持续加强思想政治建设")!;
  await small.goto(`/sections/${other.id}`);
  await expect(small.getByTestId("reference-panel")).toBeVisible();
  const [ed, ref] = [await small.getByTestId("section-editor-card").boundingBox(), await small.getByTestId("reference-panel").boundingBox()];
  expect(ref!.y).toBeGreaterThan(ed!.y + ed!.height - 1);
  await attachScreenshot(testInfo, "section-reference-390", small, true);
});

test("the JSON API: roll-forward only by admins from a finalized report; previous text or 404", async ({ browser }) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports");
  const editor = await signedInPage(browser, server.url, "dqb1", "/reports");
  const post = (page: typeof admin, id: string, data: unknown) =>
    page.request.post(`${server.url}/api/reports/${id}/roll-forward`, { data, headers: { origin: server.url } });

  expect((await post(editor, sourceId, { title: "下一期", period: "2027年上半年" })).status()).toBe(403);
  const bad = await post(admin, sourceId, { title: "", period: "2027年上半年" });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toBe("请填写标题");
  expect((await post(admin, "00000000-0000-0000-0000-000000000000", { title: "下一期", period: "" })).status()).toBe(404);

  const res = await post(admin, sourceId, { title: "示例集团公司2027年上半年党建工作总结", period: "2027年上半年" });
  expect(res.status()).toBe(200);
  const { reportId } = (await res.json()) as { reportId: string };
  const collecting = await post(admin, reportId, { title: "再下一期", period: "2027年下半年" });
  expect(collecting.status()).toBe(422);
  expect((await collecting.json()).error.message).toBe("只有已定稿的总结才能开始下一期");

  const rows = await outline(admin.request, server.url, reportId);
  const written = rows.find((s) => s.title === SECTION)!;
  const previous = await editor.request.get(`${server.url}/api/sections/${written.id}/previous`);
  expect(previous.status()).toBe(200);
  expect(await previous.json()).toMatchObject({ reportId: sourceId, finalNumber: 1, text: expect.stringContaining("上半年发展党员X名") });
  const heading = rows.find((s) => s.headingOnly)!;
  expect((await admin.request.get(`${server.url}/api/sections/${heading.id}/previous`)).status()).toBe(404);
  const otherDept = rows.find((s) => s.departmentName === "工会")!;
  expect((await editor.request.get(`${server.url}/api/sections/${otherDept.id}/previous`)).status()).toBe(403);
});
