/**
 * A .docx read through its XML (issue 13): levels from Word's automatic numbering and from the
 * heading styles, the same outline as the .txt of the same summary, tables kept, pictures and
 * text boxes reported. Documents are written in the test with JSZip (test-docx.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFile, importText } from "../index";
import { runImportJob } from "../job";
import { importErrorCode } from "../test-helpers";
import { tableIndexOf } from "../tables";
import type { ImportResult } from "../types";
import { formatNumber } from "./numbering";
import { buildDocx, seedDocxBlocks, type TestParagraph } from "./test-docx";

const SEEDS = path.resolve(__dirname, "../../../../shared/fixtures/seeds");
const NAMES = ["county-bureau-2020h1.txt", "enterprise-dept-2020h1.txt", "group-company-2020h1.txt"];
const docx = (bytes: Uint8Array, filename = "总结.docx") => runImportJob({ kind: "file", bytes, filename });
const outline = (r: ImportResult) => r.sections.map((s) => [s.level, s.title]);

const seedBlocks = seedDocxBlocks;

describe.each(NAMES)("%s as a Word document without typed numbers", (name) => {
  const text = readFileSync(path.join(SEEDS, name), "utf8");
  const expected = importText(text);

  it("numbered by Word (chineseCounting %1、 and （%2）) gives the .txt's outline, blanks and removed lines", async () => {
    const blocks = seedBlocks(text, true);
    expect(blocks.filter((b) => "num" in b && b.num).length).toBeGreaterThan(5);
    expect(blocks.some((b) => "text" in b && /^(一、|（一）|1\.)/.test(b.text))).toBe(false); // no typed numbers left
    const r = docx(await buildDocx(blocks));
    expect(r.title).toBe(expected.title);
    expect(r.preamble).toBe(expected.preamble);
    expect(r.sections).toEqual(expected.sections);
    expect(r.removed).toEqual(expected.removed);
  });

  it("with Heading 1–4 styles only (no numbering at all) gives the same outline", async () => {
    const r = docx(await buildDocx(seedBlocks(text, false), { numbering: null }));
    expect(outline(r)).toEqual(outline(expected));
    expect(r.sections).toEqual(expected.sections);
    expect(r.removed).toEqual(expected.removed);
  });
});

describe("Word numbering and styles", () => {
  it("renders numbers as Word shows them", () => {
    expect([1, 2, 10, 11, 20, 21, 99].map((n) => formatNumber(n, "chineseCounting"))).toEqual(["一", "二", "十", "十一", "二十", "二十一", "九十九"]);
    expect(formatNumber(3, "chineseCountingThousand")).toBe("三");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(3, "decimalEnclosedCircle")).toBe("③");
    expect(formatNumber(2, "ideographTraditional")).toBe("乙");
    expect(formatNumber(4, "upperRoman")).toBe("IV");
    expect(formatNumber(28, "lowerLetter")).toBe("ab");
  });

  it("numbers restart below a higher level and run on across it", async () => {
    const n = (text: string, ilvl: number): TestParagraph => ({ text, num: { numId: 1, ilvl } });
    const r = docx(await buildDocx([
      { text: "2026年上半年工作总结", style: "Title" },
      n("甲", 0), n("甲一", 1), n("甲一a", 2), n("甲一b", 2), n("甲二", 1), n("乙", 0), n("乙一", 1), n("乙一a", 2), n("乙一a（1）", 3),
    ], { styles: null }));
    expect(outline(r)).toEqual([[1, "甲"], [2, "甲一"], [3, "甲一a"], [3, "甲一b"], [2, "甲二"], [1, "乙"], [2, "乙一"], [3, "乙一a"], [4, "乙一a（1）"]]);
  });

  it("reads outline levels from styles based on headings, from w:outlineLvl, and keeps typed numbers working", async () => {
    const r = docx(await buildDocx([
      { text: "2026年上半年工作总结", style: "Title" },
      { text: "开头段落。" },
      { text: "主要工作", style: "1" },
      { text: "样式继承自标题2", style: "Custom" },
      { text: "正文一段。" },
      { text: "段落自带大纲级别", outline: 1 },
      { text: "（一）手打编号的小标题。其后是正文。" },
      { text: "存在问题", style: "Lead" },
      { text: "标题样式但大纲级别为正文", style: "2", outline: 9 },
    ]));
    expect(r.title).toBe("2026年上半年工作总结");
    expect(r.preamble).toBe("开头段落。");
    expect(outline(r)).toEqual([[1, "主要工作"], [2, "样式继承自标题2"], [2, "段落自带大纲级别"], [3, "手打编号的小标题"], [1, "存在问题"]]);
    expect(r.sections[2].body).toBe("");
    expect(r.sections[3].body).toBe("其后是正文。");
    expect(r.sections[4].body).toBe("标题样式但大纲级别为正文");
  });

  it("takes a first heading-styled line as the title only when no other line shares its level", async () => {
    const r = docx(await buildDocx([
      { text: "2026年上半年工作总结", style: "1" },
      { text: "开头。" },
      { text: "主要工作", style: "2" },
      { text: "下步打算", style: "2" },
    ], { numbering: null }));
    expect(r.title).toBe("2026年上半年工作总结");
    expect(outline(r)).toEqual([[1, "主要工作"], [1, "下步打算"]]);
  });
});

describe("tables, pictures, text boxes", () => {
  const table = [["指标", "目标", "完成"], ["发展党员", "X名", "5名"], ["主题党日", "12次", "6次\n（上半年）"]];

  it("keeps a table as rows of cells, marked in the section body, with its placeholders counted", async () => {
    const r = docx(await buildDocx([
      { text: "2026年上半年工作总结", style: "Title" },
      { text: "主要工作", style: "1" },
      { text: "完成情况如下：" },
      { table },
      { text: "以上。" },
    ]));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].rows.map((row) => row.map((c) => c.paragraphs.join("\n")))).toEqual(table);
    expect(r.tables[0].rows[0].every((c) => c.header)).toBe(true);
    expect(r.tables[0].rows[1].some((c) => c.header)).toBe(false);
    const body = r.sections[0].body.split("\n");
    expect(body).toEqual(["完成情况如下：", "［表格1：3行×3列］", "以上。"]);
    expect(tableIndexOf(body[1])).toBe(0);
    expect(r.sections[0].placeholders).toBe(1); // X名 in a cell
  });

  it("turns a table before the first heading into text rows with a warning", async () => {
    const r = docx(await buildDocx([{ text: "开头。" }, { table: [["a", "b"]] }, { text: "主要工作", style: "1" }]));
    expect(r.preamble).toBe("开头。\na　b");
    expect(r.tables).toEqual([]);
    expect(r.warnings.join()).toMatch(/表格已按行转为文字/);
  });

  it("reports pictures and text boxes as not imported and leaves their text out", async () => {
    const picture = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"><a:graphic xmlns:a="y"><a:graphicData><pic:pic xmlns:pic="z"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
    const textBox = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="q"><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent><w:t>正文照常。</w:t></w:r></w:p>`;
    const r = docx(await buildDocx([{ text: "2026年工作总结", style: "Title" }, { text: "主要工作", style: "1" }, { xml: picture }, { xml: picture }, { xml: textBox }]));
    expect(r.notImported).toEqual({ images: 2, objects: 0, textBoxes: 1 });
    expect(r.sections[0].body).toBe("正文照常。");
    expect(r.warnings).toEqual(["文件中的 2 张图片未导入，请在创建后按需补充。", "文件中的 1 个文本框（及其中文字）未导入。"]);
  });
});

describe("through the bounded worker", () => {
  it("imports a numbered Word file of a seed like its .txt", async () => {
    const text = readFileSync(path.join(SEEDS, NAMES[2]), "utf8");
    const r = await importFile({ bytes: await buildDocx(seedBlocks(text, true)), filename: "总结.docx" });
    expect(r.sections).toEqual(importText(text).sections);
  });

  it("asks for .docx when given .doc or .wps, with a Chinese message", async () => {
    expect(await importErrorCode(() => importFile({ bytes: new Uint8Array([1, 2, 3]), filename: "总结.wps" }))).toBe("legacy_word");
    await expect(importFile({ bytes: new Uint8Array([1, 2, 3]), filename: "总结.doc" })).rejects.toThrow(/另存为.*\.docx/);
  });

  it("refuses a .docx whose XML is malformed or declares a DOCTYPE", async () => {
    const bad = await buildDocx([{ xml: "<w:p><w:r><w:t>未闭合</w:r></w:p>" }]);
    expect(await importErrorCode(() => importFile({ bytes: bad, filename: "a.docx" }))).toBe("not_docx");
    expect(await importErrorCode(() => docx(bad))).toBe("not_docx");
  });
});
