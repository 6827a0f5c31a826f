/**
 * What makes Word and WPS treat the export as their own: schema order of every property
 * element, outline levels, the font table, core properties, tables, options.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { inspectDocx } from "./inspect-docx";
import { childRank, reorderXml, SCHEMA_ORDER } from "./ooxml-order";
import { largeDocument, sampleDocument } from "./sample-document";
import { FOOTER_TWIPS, mmToTwips } from "./gbt9704";
import type { AssembledDocument, ExportOptions } from "./types";

async function parts(doc: AssembledDocument, options: ExportOptions = {}) {
  const zip = await JSZip.loadAsync(await exportDocx(doc, options));
  const out: Record<string, Document> = {};
  for (const [path, file] of Object.entries(zip.files)) {
    if (!path.endsWith(".xml") && !path.endsWith(".rels")) continue;
    const text = await file.async("string");
    out[path] = new DOMParser({ errorHandler: { error: (e) => { throw new Error(`${path}: ${e}`); }, fatalError: (e) => { throw new Error(`${path}: ${e}`); } } }).parseFromString(text, "text/xml");
  }
  return out;
}

function* allElements(node: Node): Generator<Element> {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      yield child as Element;
      yield* allElements(child);
    }
  }
}

/** Every element listed in SCHEMA_ORDER whose children are out of sequence or unknown. */
function orderViolations(docs: Record<string, Document>): { checked: Record<string, number>; violations: string[] } {
  const checked: Record<string, number> = {};
  const violations: string[] = [];
  for (const [path, doc] of Object.entries(docs)) {
    for (const el of allElements(doc)) {
      if (childRank(el.nodeName, "") === undefined) continue;
      checked[el.nodeName] = (checked[el.nodeName] ?? 0) + 1;
      let last = -1;
      for (const child of allElements(el)) {
        if (child.parentNode !== el) continue;
        const rank = childRank(el.nodeName, child.nodeName)!;
        if (rank < 0) violations.push(`${path}: <${child.nodeName}> is not a child of <${el.nodeName}> in the schema`);
        else if (rank < last) violations.push(`${path}: <${child.nodeName}> after a later sibling in <${el.nodeName}>`);
        last = Math.max(last, rank);
      }
    }
  }
  return { checked, violations };
}

const kinds: [string, AssembledDocument, ExportOptions][] = [
  ["draft", sampleDocument(), {}],
  ["clean draft, bold level 3", sampleDocument(), { cleanDraft: true, boldLevel3: true }],
  ["final", sampleDocument({ draft: false, finalVersion: 2 }), { author: "林主任" }],
  ["long", largeDocument(12, 8000), {}],
  // 主送, 附件说明 (tabs, hanging indents, keepLines) and 落款 (issue 12).
  ["with parts", sampleDocument({ addressee: "县委、县政府", attachments: ["清单", "台账"], date: "2026-07-10", finalVersion: 1 }), {}],
];

describe("schema order (ECMA-376 Part 1 §17.3.1.26 pPr, §17.3.2.28 rPr, §17.6.17 sectPr, §17.4.60 tblPr …)", () => {
  it.each(kinds)("%s: every property element's children follow the schema sequence", async (_, doc, options) => {
    const { checked, violations } = orderViolations(await parts(doc, options));
    expect(violations).toEqual([]);
    // The check saw what the export emits: paragraphs, runs, the section, tables, styles, fonts.
    for (const name of ["w:pPr", "w:rPr", "w:sectPr", "w:style", "w:font"]) expect(checked[name], name).toBeGreaterThan(0);
    if (doc.sections.some((s) => s.blocks.some((b) => b.type === "table"))) {
      for (const name of ["w:tblPr", "w:tcPr", "w:tblBorders", "w:tblCellMar"]) expect(checked[name], name).toBeGreaterThan(0);
    }
  });

  it("the 落款 paragraphs carry w:autoSpaceDN before w:jc (the docx library writes it after)", async () => {
    const xml = await (await JSZip.loadAsync(await exportDocx(sampleDocument({ finalVersion: 1 })))).file("word/document.xml")!.async("string");
    const signOff = xml.match(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*autoSpaceDN[\s\S]*?<\/w:pPr>/g) ?? [];
    expect(signOff).toHaveLength(2);
    for (const pPr of signOff) expect(pPr.indexOf("<w:autoSpaceDN")).toBeLessThan(pPr.indexOf("<w:jc"));
  });

  it("reorderXml sorts known children, keeps the rest and refuses broken XML", () => {
    const xml = `<w:p><w:pPr><w:jc w:val="right"/><w:x/><w:autoSpaceDN w:val="false"/><w:rPr><w:sz w:val="2"/><w:b/></w:rPr></w:pPr><w:t a=">">x</w:t></w:p>`;
    expect(reorderXml(xml)).toBe(`<w:p><w:pPr><w:autoSpaceDN w:val="false"/><w:jc w:val="right"/><w:rPr><w:b/><w:sz w:val="2"/></w:rPr><w:x/></w:pPr><w:t a=">">x</w:t></w:p>`);
    expect(() => reorderXml("<w:pPr><w:jc></w:pPr>")).toThrow(/closes/);
    expect(Object.keys(SCHEMA_ORDER)).toContain("w:tblPr");
  });
});

describe("navigation pane, fonts, properties", () => {
  it("gives Heading 1–4 outline levels 0–3 (Word/WPS/LibreOffice navigation pane)", async () => {
    const styles = (await parts(sampleDocument()))["word/styles.xml"];
    const levels = Object.fromEntries(
      [...allElements(styles)]
        .filter((el) => el.nodeName === "w:style" && /^Heading[1-4]$/.test(el.getAttribute("w:styleId") ?? ""))
        .map((el) => [el.getAttribute("w:styleId"), [...allElements(el)].find((c) => c.nodeName === "w:outlineLvl")?.getAttribute("w:val")]),
    );
    expect(levels).toEqual({ Heading1: "0", Heading2: "1", Heading3: "2", Heading4: "3" });
  });

  it("names every font used in the font table, with the GB/T 9704 fallbacks", async () => {
    const docs = await parts(sampleDocument());
    const used = new Set<string>();
    for (const [path, doc] of Object.entries(docs)) {
      if (!path.startsWith("word/") || path.endsWith("fontTable.xml")) continue;
      for (const el of allElements(doc)) {
        if (el.nodeName !== "w:rFonts") continue;
        for (const a of ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"]) if (el.getAttribute(a)) used.add(el.getAttribute(a)!);
      }
    }
    const fonts = new Map(
      [...allElements(docs["word/fontTable.xml"])].filter((el) => el.nodeName === "w:font").map((el) => {
        const child = (n: string) => [...allElements(el)].find((c) => c.nodeName === n)?.getAttribute("w:val");
        return [el.getAttribute("w:name")!, { alt: child("w:altName"), panose: child("w:panose1"), charset: child("w:charset") }];
      }),
    );
    expect([...used].sort()).toEqual(["Times New Roman", "仿宋_GB2312", "宋体", "方正小标宋简体", "楷体_GB2312", "黑体"].sort());
    for (const name of used) expect(fonts.has(name), name).toBe(true);
    expect(fonts.get("仿宋_GB2312")).toMatchObject({ alt: "仿宋", charset: "86", panose: "02010609030101010101" });
    expect(fonts.get("楷体_GB2312")?.alt).toBe("楷体");
    expect(fonts.get("方正小标宋简体")?.alt).toBe("华文中宋");
    expect(fonts.get("华文中宋")?.alt).toBe("宋体");
    expect(fonts.get("黑体")).toMatchObject({ charset: "86" });
    for (const alt of ["仿宋", "楷体", "宋体"]) expect(fonts.has(alt), alt).toBe(true);
  });

  it("writes creator and lastModifiedBy as the exporting account, title on one line", async () => {
    const core = (await parts(sampleDocument(), { author: "林主任" }))["docProps/core.xml"];
    const text = (n: string) => [...allElements(core)].find((el) => el.nodeName === n)?.textContent;
    expect([text("dc:creator"), text("cp:lastModifiedBy"), text("dc:title")]).toEqual(["林主任", "林主任", "某某市数据局2026年上半年工作总结"]);
    const anonymous = (await parts(sampleDocument()))["docProps/core.xml"];
    expect([...allElements(anonymous)].find((el) => el.nodeName === "cp:lastModifiedBy")?.textContent).toBe("某某市数据局");
  });

  it("puts the page number's dash 7 mm below the 版心: footer distance from the bottom margin", async () => {
    const d = await inspectDocx(await exportDocx(sampleDocument()));
    // The dash is the middle of the exact 14 pt line: footer + 7 pt = 35 mm − 7 mm.
    expect(d.pageMargins.footer).toBe(FOOTER_TWIPS);
    expect(Math.abs(FOOTER_TWIPS + 140 - mmToTwips(28))).toBeLessThanOrEqual(1);
  });
});

describe("tables in the .docx", () => {
  it("prints a table as wide as the 版心 with full single borders, 仿宋 4号, header row bold", async () => {
    const zip = await JSZip.loadAsync(await exportDocx(sampleDocument()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const tbl = tables[0] ?? "";
    expect(tbl).toMatch(/<w:tblW w:type="dxa" w:w="8844"\/>/);
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8844); // 156 mm
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) {
      expect(tbl).toMatch(new RegExp(`<w:${side} w:val="single" w:color="000000" w:sz="4"/>`));
    }
    const rows = tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("<w:tblHeader/>"); // repeats on every page
    const cellText = (row: string) => (row.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, ""));
    expect(rows.map(cellText)).toEqual([["指标", "全年目标", "上半年完成"], ["共享数据项（个）", "2000", "1200"], ["接口调用量增长", "30%", "35%"]]);
    expect(rows[0]?.match(/<w:b\/>/g)).toHaveLength(3);
    expect(rows[1]).toContain("<w:b/>"); // the inline bold 1200
    expect(rows[2]).not.toContain("<w:b/>");
    expect(tbl).toContain('w:eastAsia="仿宋_GB2312"');
    expect(tbl).toMatch(/<w:sz w:val="28"\/>/);
    expect(tbl).not.toMatch(/<w:sz w:val="32"\/>/);
  });

  it("keeps spans and pads ragged rows so the grid stays rectangular", async () => {
    const doc = sampleDocument({
      sections: [{ id: "t", number: "一、", title: "表", level: 1, state: "approved", blocks: [{
        type: "table",
        rows: [
          [{ runs: [{ text: "项目" }], header: true, rowspan: 2 }, { runs: [{ text: "完成" }], header: true, colspan: 2 }],
          [{ runs: [{ text: "上半年" }] }, { runs: [{ text: "全年" }] }],
          [{ runs: [{ text: "甲" }] }],
        ],
      }] }],
    });
    const xml = await (await JSZip.loadAsync(await exportDocx(doc))).file("word/document.xml")!.async("string");
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.map((r) => (r.match(/<w:tc>/g) ?? []).length)).toEqual([2, 3, 3]);
    expect(rows[0]).toContain('<w:gridSpan w:val="2"/>');
    expect(rows[0]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[1]).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
  });
});

describe("options", () => {
  it("clean draft: 征求意见稿 once under the title, no header, no red heading marks", async () => {
    const d = await inspectDocx(await exportDocx(sampleDocument(), { cleanDraft: true }));
    expect(d.headers).toEqual([]);
    expect(d.paragraphs.slice(0, 3).map((p) => p.text)).toEqual(["某某市数据局", "2026年上半年工作总结", "（征求意见稿）"]);
    expect(d.paragraphs[2]).toMatchObject({ align: "center" });
    expect(d.paragraphs.filter((p) => p.text.includes("征求意见稿"))).toHaveLength(1);
    expect(d.paragraphs.some((p) => p.text.includes("未审定"))).toBe(false);
    // the old behaviour stays the default
    const marked = await inspectDocx(await exportDocx(sampleDocument()));
    expect(marked.headers.map((h) => h.text)).toEqual(["征求意见稿", "征求意见稿"]);
    expect(marked.paragraphs.some((p) => p.text.includes("【未审定：审核中】"))).toBe(true);
  });

  it("level-3 headings are plain 仿宋 by default and bold with boldLevel3", async () => {
    const h3 = async (options: ExportOptions) => (await inspectDocx(await exportDocx(sampleDocument(), options))).paragraphs.find((p) => p.style === "Heading3");
    expect(Boolean((await h3({}))?.bold)).toBe(false);
    expect((await h3({ boldLevel3: true }))?.bold).toBe(true);
    const styles = (await parts(sampleDocument(), { boldLevel3: true }))["word/styles.xml"];
    const heading3 = [...allElements(styles)].find((el) => el.nodeName === "w:style" && el.getAttribute("w:styleId") === "Heading3")!;
    expect([...allElements(heading3)].find((el) => el.nodeName === "w:b")?.getAttribute("w:val") ?? "true").not.toBe("false");
  });
});
