/**
 * Bounded imports and Word import, end to end in Chromium against the production server
 * (issues 9 and 13): a 1 MB → 1 GB zip bomb uploaded on the import page is refused in Chinese
 * within 2 s while another user's typing keeps propagating (p99 < 100 ms) and saving; a 50 MB
 * upload gets 413 with a Chinese message; a seed turned into a Word file with automatic
 * numbering imports with the .txt's outline; a Word table becomes a table in the section.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";
import { appendParagraph, cookieHeader, DQB_SECTION, docText, findSection, nodeProvider, typeAtEnd } from "../collab/support";
import { saved } from "../main-job/support";
import { buildDocx, deflatedRepeat, rawZip, seedDocxBlocks } from "@/lib/import/word/test-docx";

const SEED = path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds/group-company-2020h1.txt");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-import-e2e-"));
const file = (name: string, bytes: Uint8Array) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, bytes);
  return p;
};

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Uploads `filePath` on the import page and returns how long until the page answered (ms). */
async function upload(admin: Page, filePath: string): Promise<number> {
  await admin.getByLabel("选择文件").setInputFiles(filePath);
  const t0 = Date.now();
  await admin.getByRole("button", { name: "识别文件" }).click();
  await expect(admin.getByTestId("import-error-file").or(admin.getByTestId("plan-row").first())).toBeVisible({ timeout: 30_000 });
  return Date.now() - t0;
}

test("a zip bomb is refused in Chinese while another user's typing keeps propagating and saving", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const admin = await signedInPage(browser, server.url, "admin", "/reports/import");
  const editor = await signedInPage(browser, server.url, "dqb2", "/");
  const { id } = await findSection(editor.context().request, server.url, DQB_SECTION);
  await editor.goto(`/sections/${id}`);
  await typeAtEnd(editor, "王芳：上传前输入。");
  await saved(editor);

  // Another user types 20 paragraphs a second from Node; a third client measures arrival.
  const writerPage = await signedInPage(browser, server.url, "dqb1", "/");
  const writer = await nodeProvider(server.url, id, await cookieHeader(writerPage.context()));
  const reader = await nodeProvider(server.url, id, await cookieHeader(editor.context()));
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  reader.doc.on("update", () => {
    const now = Date.now();
    for (const m of docText(reader.doc).matchAll(/测速(\d+)号/g)) {
      const n = Number(m[1]);
      if (sentAt.has(n)) latencies.push(now - sentAt.get(n)!), sentAt.delete(n);
    }
  });
  let seq = 0;
  const typing = setInterval(() => {
    sentAt.set(++seq, Date.now());
    appendParagraph(writer.doc, `测速${seq}号`);
  }, 50);
  /** Latencies (ms) of the paragraphs typed from now until `done` settles, sorted. */
  const during = async (done: Promise<unknown>) => {
    const from = latencies.length;
    const sentBefore = seq;
    await done;
    await new Promise((r) => setTimeout(r, 500)); // let the last paragraphs arrive
    return { received: latencies.slice(from).sort((a, b) => a - b), sent: seq - sentBefore };
  };
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))];

  try {
    // The machine's own baseline: the same typing for 4 s without any import.
    const baseline = await during(new Promise((r) => setTimeout(r, 4000)));
    const bombs = await during((async () => {
      const bomb = rawZip([{ name: "word/document.xml", deflated: deflatedRepeat(1024), declaredSize: 1024 ** 3 }]);
      const answeredIn = await upload(admin, file("炸弹.docx", bomb));
      await expect(admin.getByTestId("import-error-file")).toContainText("解压后超过 200 MB");
      expect(answeredIn).toBeLessThan(2000 + 1000); // 2 s on the server, plus the browser's round trip
      await admin.screenshot({ path: testInfo.outputPath("bomb-refused.png") });
      const liar = rawZip([{ name: "word/document.xml", deflated: deflatedRepeat(1024), declaredSize: 2048 }]);
      await upload(admin, file("说谎.docx", liar));
      await expect(admin.getByTestId("import-error-file")).toContainText("解压后超过 20 MB");
      // The browser user typed on during the uploads and is saved.
      await typeAtEnd(editor, "王芳：上传期间输入。");
      await saved(editor);
    })());
    const note = (name: string, m: typeof bombs) => `${name}: ${m.received.length}/${m.sent} paragraphs, p50 ${p(m.received, 0.5)} ms, p99 ${p(m.received, 0.99)} ms`;
    testInfo.annotations.push({ type: "typing", description: `${note("baseline", baseline)}; ${note("during bombs", bombs)}` });
    console.log(note("baseline", baseline), "|", note("during bombs", bombs));
    expect(bombs.received.length).toBeGreaterThan(bombs.sent * 0.9);
    // p99 < 100 ms, or on a machine whose own baseline is already above that, no worse than it
    // by more than 50 %: a blocked event loop (the old 56 s) fails either way.
    expect(p(bombs.received, 0.99)).toBeLessThan(Math.max(100, p(baseline.received, 0.99) * 1.5));
  } finally {
    clearInterval(typing);
  }
  writer.provider.destroy();
  reader.provider.destroy();
});

test("a 50 MB upload gets 413 with a Chinese message, and the page refuses it before uploading", async ({ browser }) => {
  const admin = await signedInPage(browser, server.url, "admin", "/reports/import");
  // Find the parse action's id from a real (small) upload.
  let actionId = "";
  admin.on("request", (r) => { actionId ||= r.headers()["next-action"] ?? ""; });
  await upload(admin, file("小.txt", new TextEncoder().encode("2026年工作总结\n一、主要工作\n正文。")));
  expect(actionId).not.toBe("");

  const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
  const res = await admin.context().request.post(`${server.url}/reports/import`, {
    headers: { "next-action": actionId, accept: "text/x-component" },
    multipart: { "1_file": { name: "大.txt", mimeType: "text/plain", buffer: Buffer.from(big) } },
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toMatch(/上传内容过大（50 MB），导入文件不能超过 10 MB/);

  await admin.goto("/reports/import");
  await admin.getByLabel("选择文件").setInputFiles(file("大.txt", big));
  await admin.getByRole("button", { name: "识别文件" }).click();
  await expect(admin.getByTestId("import-error-file")).toContainText("文件过大（50.0 MB），导入上限为 10 MB");
});

test("a Word file with automatic numbering and a table imports with its outline and a real table", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const text = fs.readFileSync(SEED, "utf8");
  const blocks = seedDocxBlocks(text, true);
  // A table right after the first level-2 heading (a run-in heading: its body is in its paragraph).
  const at = blocks.findIndex((b) => b.num?.ilvl === 1) + 1;
  const docx = await buildDocx([...blocks.slice(0, at), { table: [["指标", "目标", "完成"], ["发展党员", "6名", "X名"]] }, ...blocks.slice(at)]);
  const admin = await signedInPage(browser, server.url, "admin", "/reports/import");
  await upload(admin, file("年中总结.docx", docx));
  await expect(admin.getByTestId("plan-row")).toHaveCount(14);
  await expect(admin.getByTestId("plan-number").nth(0)).toHaveText("一、");
  await expect(admin.getByTestId("plan-number").nth(1)).toHaveText("（一）");
  await expect(admin.getByLabel("总结标题")).toHaveValue("2020年企业党建年中工作总结");
  await expect(admin.getByTestId("import-warnings")).toContainText("识别出 1 个表格");
  await admin.screenshot({ path: testInfo.outputPath("word-import-preview.png"), fullPage: true });
  await admin.getByLabel("全部分配给").selectOption({ label: "党群工作部" });
  await admin.getByRole("button", { name: "应用", exact: true }).click();
  await admin.getByRole("button", { name: "创建总结" }).click();
  await admin.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const reportId = admin.url().split("/").pop()!;
  const report = (await (await admin.context().request.get(`${server.url}/api/reports/${reportId}`)).json()) as { sections: { id: string; title: string }[] };
  const withTable = report.sections[1];
  expect(withTable.title).toBe("筑牢“主阵地”，让思想教育“实”起来");

  const editor = await signedInPage(browser, server.url, "dqb1", `/sections/${withTable.id}`);
  const table = editor.locator('[data-testid="section-editor"] .ProseMirror table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.locator("tr")).toHaveCount(2);
  await expect(table.locator("th").first()).toHaveText("指标");
  await expect(table.locator("td").last()).toHaveText("X名");
  await editor.screenshot({ path: testInfo.outputPath("word-table-in-section.png"), fullPage: true });
});
