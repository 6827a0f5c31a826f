/**
 * The report CLI as other tools use it: spawned as a process on a temp DATA_DIR, JSON on
 * stdout, a message and a non-zero exit on error.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { inspectDocx } from "@/lib/export/inspect-docx";
import { finalizeReport } from "@/lib/assembly/finalize-report";
import { approveDirectly } from "@/lib/assembly/test-support";
import { createUser } from "@/lib/accounts/users";
import { markPartPlaceholder } from "@/lib/reports/mark-part-placeholder";
import { loadReportParts } from "@/lib/reports/report-parts";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const SEEDS = path.resolve(ROOT, "../shared/fixtures/seeds");
const SEED = path.join(SEEDS, "group-company-2020h1.txt");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-test-"));
const dataDir = path.join(tmp, "data");

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, HEGAO_DEMO: "0", DATABASE_URL: "", ...env }, maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("npm run cli -- import / export", () => {
  it("--dry-run prints the outline and removed lines without touching DATA_DIR", async () => {
    const res = await cli(["import", path.join(SEEDS, "county-bureau-2020h1.txt"), "--dry-run"]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.title).toBe("2020年上半年党建工作总结");
    expect(out.preamble).toMatch(/^2020年，X党委/);
    expect(out.sections[0]).toEqual({ level: 1, title: "工作开展情况", body: "", placeholders: 0 });
    expect(Object.keys(out.sections[1]).sort()).toEqual(["body", "level", "placeholders", "title"]);
    expect(out.removed).toContain("仅供学习 禁止外传");
    expect([out.addressee, out.attachments, out.signOff]).toEqual(["", [], null]);
    // X党委 in the opening is listed with its part, not only the sections' counts.
    expect(out.placeholders[0]).toEqual({ part: "opening", text: "X", context: "2020年，X党委以习近平新时代中…" });
    expect(out.placeholders.filter((p: { part: string }) => p.part === "body").length).toBeGreaterThan(20);
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);

  it("--dry-run prints 主送, 附件, 落款 and the blanks of every part", async () => {
    const res = await cli(["import", path.join(__dirname, "../../lib/import/fixtures/parts-county-drc-2026h1.txt"), "--dry-run"]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out).slice(0, 8)).toEqual(["title", "addressee", "preamble", "sections", "attachments", "signOff", "removed", "placeholders"]);
    expect(out.addressee).toBe("县委、县政府");
    expect(out.attachments).toEqual(["上半年主要经济指标完成情况", "重点项目清单", "重点改革任务推进情况表"]);
    expect(out.signOff).toEqual({ unit: "XX县发展和改革局", date: "2026-07-10" });
    expect(out.sections.map((s: { title: string }) => s.title)).not.toContain("重点项目清单");
    const parts = out.placeholders.map((p: { part: string; text: string }) => `${p.part}:${p.text}`);
    expect(parts[0]).toBe("opening:XX");
    expect(parts.at(-1)).toBe("signOff:XX");
    expect(parts.filter((p: string) => p.startsWith("body:"))).toHaveLength(4);
  }, 60_000);

  it("--dry-run of a Word file prints its tables and what was not imported; .wps is refused", async () => {
    const { buildDocx } = await import("../../lib/import/word/test-docx");
    const docx = path.join(tmp, "表格.docx");
    const picture = "<w:p><w:r><w:drawing><pic:pic xmlns:pic=\"p\"/></w:drawing></w:r></w:p>";
    fs.writeFileSync(docx, await buildDocx([{ text: "2026年工作总结", style: "Title" }, { text: "主要工作", style: "1" }, { table: [["指标", "完成"]] }, { xml: picture }]));
    const res = await cli(["import", docx, "--dry-run"]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.sections).toEqual([{ level: 1, title: "主要工作", body: "［表格1：1行×2列］", placeholders: 0 }]);
    expect(out.tables[0].rows[0].map((c: { paragraphs: string[] }) => c.paragraphs[0])).toEqual(["指标", "完成"]);
    expect(out.notImported).toEqual({ images: 1, objects: 0, textBoxes: 0 });
    expect(out.warnings).toEqual(["文件中的 1 张图片未导入，请在创建后按需补充。"]);
    const wps = path.join(tmp, "总结.wps");
    fs.writeFileSync(wps, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const refused = await cli(["import", wps, "--dry-run"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/另存为.*\.docx/);
  }, 60_000);

  it("refuses unreadable, binary and unknown-department imports with a message and exit 1", async () => {
    const missing = await cli(["import", path.join(tmp, "nope.txt"), "--dry-run"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("无法读取文件");
    const bin = path.join(tmp, "bin.txt");
    fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0, 9, 0]));
    const binary = await cli(["import", bin, "--dry-run"]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain("二进制");
    const dept = await cli(["import", SEED, "--assign-all", "不存在的部门"]);
    expect(dept.code).toBe(1);
    expect(dept.stderr).toContain("部门「不存在的部门」不存在");
  }, 60_000);

  let reportId = "";
  it("imports the group-company seed, assigning all but grouping headings", async () => {
    expect((await cli(["dept:create", "--name", "党群工作部"])).code).toBe(0);
    const res = await cli(["import", SEED, "--assign-all", "党群工作部"]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    reportId = out.reportId;
    const labels = out.sections.map((s: { number: string; title: string }) => s.number + s.title);
    expect(labels.slice(0, 3)).toEqual(["一、上半年工作成效", "（一）筑牢“主阵地”，让思想教育“实”起来", "（二）畅通“主动脉”，让战斗堡垒“强”起来"]);
    expect(labels).toContain("三、下半年工作举措");
    expect(out.sections[0].departmentId).toBeNull(); // 上半年工作成效: heading with children and no text
    expect(out.sections.filter((s: { departmentId: string | null }) => s.departmentId).length).toBe(out.sections.length - 1);
  }, 60_000);

  it("exports a draft (征求意见稿) while collecting, and the final once finalized", async () => {
    const draftPath = path.join(tmp, "out", "draft.docx");
    const draft = await cli(["export", reportId, "--format", "docx", "--out", draftPath]);
    expect(draft.code).toBe(0);
    expect(JSON.parse(draft.stdout)).toMatchObject({ reportId, format: "docx", final: null, draft: true, out: draftPath });
    const inspected = await inspectDocx(new Uint8Array(fs.readFileSync(draftPath)));
    expect(inspected.headers.map((h) => h.text).join("")).toContain("征求意见稿");
    expect(inspected.paragraphs.map((p) => p.text)).toContain("一、上半年工作成效");
    const cleanPath = path.join(tmp, "out", "clean.docx");
    expect((await cli(["export", reportId, "--format", "docx", "--out", cleanPath, "--clean-draft", "--bold-level3"])).code).toBe(0);
    const clean = await inspectDocx(new Uint8Array(fs.readFileSync(cleanPath)));
    expect(clean.headers).toEqual([]); // 征求意见稿 once, under the title
    expect(clean.paragraphs.filter((p) => p.text === "（征求意见稿）")).toHaveLength(1);

    const handle = await openDatabase({ dataDir });
    try {
      const admin = await createUser(handle.db, { username: "boss", password: "hegao-demo-1", departmentId: await firstDept(handle), role: "admin" });
      const rows = await handle.db.query.sections.findMany({ where: (s, { eq: e }) => e(s.reportId, reportId) });
      for (const s of rows.filter((r) => r.departmentId)) await approveDirectly(handle.db, s.id, admin.id);
      const actor = { id: admin.id, role: "admin" as const, departmentId: "" };
      // The seed's blanks (XX) stay in this test's text: the admin keeps them (有意保留) at finalize.
      for (const p of (await loadReportParts(handle.db, reportId)).placeholders) await markPartPlaceholder(handle.db, { reportId, actor, key: p.key, intended: true });
      await finalizeReport(handle.db, { reportId, actor });
    } finally {
      await handle.close();
    }
    const finalPath = path.join(tmp, "out", "final.md");
    const final = await cli(["export", reportId, "--format", "md", "--out", finalPath]);
    expect(JSON.parse(final.stdout)).toMatchObject({ final: 1, draft: false });
    const md = fs.readFileSync(finalPath, "utf8");
    expect(md).not.toContain("征求意见稿");
    expect(md).toContain("（四）把牢“主动权”，让管党治党“严”起来");
  }, 90_000);

  it("rejects a bad format and an unknown report with exit 1", async () => {
    const fmt = await cli(["export", reportId, "--format", "pdf", "--out", path.join(tmp, "x.pdf")]);
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toContain("--format 必须是 docx、md 或 html");
    const none = await cli(["export", "no-such-report", "--format", "md", "--out", path.join(tmp, "x.md")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("总结不存在");
  }, 60_000);
});

async function firstDept(handle: Awaited<ReturnType<typeof openDatabase>>): Promise<string> {
  const [d] = await handle.db.query.departments.findMany({ where: (t, { eq: e }) => e(t.name, "党群工作部") });
  return d.id;
}
