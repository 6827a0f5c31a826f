/**
 * Tables end to end, in Chromium against the production server with the demo data: an editor
 * of 党群工作部 inserts a table with the toolbar, adds and deletes a row and a column, pastes a
 * table copied from Word; the admin sees both tables in the preview and downloads a .docx with
 * w:tbl (and the clean 征求意见稿 option), HTML and Markdown with the tables.
 */
import fs from "node:fs";
import JSZip from "jszip";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";
import { DQB_SECTION, editorOf, findSection, typeAtEnd } from "../collab/support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

// What Word 2016 puts on the clipboard for a 2 × 2 table (trimmed of its <head> styles).
const WORD_TABLE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><body lang=ZH-CN><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
<tr style='mso-yfti-irow:0'><td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>党支部<o:p></o:p></span></p></td>
<td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b><span style='font-family:仿宋_GB2312'>学习覆盖率</span></b><o:p></o:p></p></td></tr>
<tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;border-top:none'><p class=MsoNormal>第一党支部<o:p></o:p></p></td>
<td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal>98%<o:p></o:p></p></td></tr>
</table><!--EndFragment--></body></html>`;

const rows = (page: Page, table = 0) => editorOf(page).locator("table").nth(table).locator("tr");

async function button(page: Page, name: string) {
  const b = page.getByRole("toolbar", { name: "格式" }).getByRole("button", { name, exact: true });
  await expect(b).toBeEnabled();
  await b.click();
}

test("a table inserted and a table pasted from Word reach the preview and every export", async ({ browser }, testInfo) => {
  const editor = await signedInPage(browser, server.url, "dqb1", "/");
  const { id } = await findSection(editor.request, server.url, DQB_SECTION);
  await editor.goto(`/sections/${id}`);
  await expect(editor.getByTestId("save-status")).toHaveText("已保存");
  const toolbar = editor.getByRole("toolbar", { name: "格式" });
  await expect(toolbar.getByRole("button", { name: "加行", exact: true })).toBeDisabled(); // not in a table

  // Insert: 3 × 3 with a header row; Tab moves from cell to cell.
  await typeAtEnd(editor, "主要指标完成情况如下：");
  await button(editor, "插入表格");
  await expect(rows(editor)).toHaveCount(3);
  await expect(rows(editor).first().locator("th")).toHaveCount(3);
  for (const [i, text] of ["指标", "全年目标", "上半年完成", "新发展党员（名）", "40", "22", "主题党日（次）", "24", "13"].entries()) {
    if (i > 0) await editor.keyboard.press("Tab");
    await editor.keyboard.insertText(text);
  }
  // A row: add one below the last, move into it, delete it again.
  await button(editor, "加行");
  await expect(rows(editor)).toHaveCount(4);
  await editor.keyboard.press("Tab");
  await button(editor, "删行");
  await expect(rows(editor)).toHaveCount(3);
  // A column: add one right of 上半年完成's column, click into it, delete it again.
  await editorOf(editor).locator("td", { hasText: "13" }).click();
  await button(editor, "加列");
  await expect(rows(editor).first().locator("th")).toHaveCount(4);
  await rows(editor).nth(2).locator("td").nth(3).click();
  await button(editor, "删列");
  await expect(rows(editor).first().locator("th")).toHaveCount(3);
  await expect(rows(editor).nth(1)).toHaveText("新发展党员（名）4022");

  // Paste Word's table into a new first paragraph.
  await editorOf(editor).evaluate((el, html) => {
    const ed = (el as unknown as { editor: { commands: { focus(p: string): void; insertContentAt(p: number, c: unknown): void; setTextSelection(p: number): void } } }).editor;
    ed.commands.insertContentAt(0, { type: "paragraph" });
    ed.commands.setTextSelection(1);
    ed.commands.focus("start");
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "党支部\t学习覆盖率\n第一党支部\t98%");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_TABLE);
  await expect(editorOf(editor).locator("table")).toHaveCount(2);
  await expect(rows(editor, 0)).toHaveText(["党支部学习覆盖率", "第一党支部98%"]); // a table, not run-together text
  await expect(editor.getByTestId("save-status")).toHaveText("已保存", { timeout: 15_000 });
  await editor.screenshot({ path: testInfo.outputPath("editor-tables.png") });

  // The admin's preview shows both tables, then the downloads.
  const sectionInfo = (await (await editor.request.get(`${server.url}/api/sections/${id}`)).json()) as { reportId: string };
  const admin = await signedInPage(browser, server.url, "admin", `/reports/${sectionInfo.reportId}/preview`);
  const tables = admin.getByTestId("paper-table");
  await expect(tables).toHaveCount(2);
  await expect(tables.nth(0)).toContainText("第一党支部");
  await expect(tables.nth(1).locator("tr").first().locator("th")).toHaveText(["指标", "全年目标", "上半年完成"]);
  await tables.nth(1).screenshot({ path: testInfo.outputPath("preview-table.png") });

  const docx = async () => {
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "导出 Word" }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return JSZip.loadAsync(fs.readFileSync(file));
  };
  const zip = await docx();
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  for (const text of ["新发展党员（名）", "主题党日（次）", "第一党支部", "98%"]) expect(xml).toContain(text);
  expect(Object.keys(zip.files).some((f) => f.startsWith("word/header"))).toBe(true); // 征求意见稿 on every page

  await admin.getByLabel(/简洁征求意见稿/).check();
  await expect(admin.getByRole("link", { name: "导出 Word" })).toHaveAttribute("href", /cleanDraft=1/);
  await admin.screenshot({ path: testInfo.outputPath("preview-options.png") });
  const clean = await docx();
  expect(Object.keys(clean.files).some((f) => f.startsWith("word/header"))).toBe(false);
  expect(await clean.file("word/document.xml")!.async("string")).toContain("（征求意见稿）");

  const html = await (await admin.request.get(`${server.url}/api/reports/${sectionInfo.reportId}/export?format=html`)).text();
  expect(html.match(/<table class="grid">/g)).toHaveLength(2);
  const md = await (await admin.request.get(`${server.url}/api/reports/${sectionInfo.reportId}/export?format=md`)).text();
  expect(md).toContain("| 指标 | 全年目标 | 上半年完成 |\n| --- | --- | --- |\n| 新发展党员（名） | 40 | 22 |");
  const bad = await admin.request.get(`${server.url}/api/reports/${sectionInfo.reportId}/export?format=docx&cleanDraft=yes`);
  expect(bad.status()).toBe(422);
});
