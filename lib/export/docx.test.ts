import { describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { inspectDocx, type InspectedDocx } from "./inspect-docx";
import { largeDocument, sampleDocument } from "./sample-document";

const mm = (v: number) => v * 56.6929;
let draftCache: InspectedDocx | undefined;
const draft = async () => (draftCache ??= await inspectDocx(await exportDocx(sampleDocument())));
const byText = (doc: InspectedDocx, start: string) => {
  const p = doc.paragraphs.find((x) => x.text.startsWith(start));
  if (!p) throw new Error(`no paragraph starting ${start}: ${doc.paragraphs.map((x) => x.text).join(" | ")}`);
  return p;
};

describe("exportDocx page set-up (GB/T 9704-2012 §5.2)", () => {
  it("is A4 with 37/35/28/26 mm margins", async () => {
    const d = await draft();
    expect(Math.abs(d.pageSize.width - mm(210))).toBeLessThanOrEqual(1); // 11906
    expect(Math.abs(d.pageSize.height - mm(297))).toBeLessThanOrEqual(1); // 16838
    expect(Math.abs(d.pageMargins.top - 2098)).toBeLessThanOrEqual(1);
    expect(Math.abs(d.pageMargins.bottom - mm(35))).toBeLessThanOrEqual(1);
    expect(Math.abs(d.pageMargins.left - mm(28))).toBeLessThanOrEqual(1);
    expect(Math.abs(d.pageMargins.right - mm(26))).toBeLessThanOrEqual(1);
  });

  it("has no snapping grid and runs condensed so 28 characters fit 156 mm", async () => {
    const d = await draft();
    expect(d.docGrid.type).toBe("default"); // see DOC_GRID: LibreOffice mis-renders Word's grids
    const body = byText(d, "今年以来");
    const pitchPt = 16 + (body.runs[0].spacingTwips ?? 0) / 20;
    expect(28 * pitchPt).toBeLessThanOrEqual((156 / 25.4) * 72);
  });
});

describe("exportDocx text layout", () => {
  it("centres the title lines in 22 pt 方正小标宋简体, then one blank line", async () => {
    const d = await draft();
    const [t1, t2, blank] = d.paragraphs;
    for (const t of [t1, t2]) {
      expect(t).toMatchObject({ align: "center", sizeHalfPoints: 44, style: "Title" });
      expect(t.fonts).toContain("方正小标宋简体");
    }
    expect([t1.text, t2.text]).toEqual(["某某市数据局", "2026年上半年工作总结"]);
    expect(blank.text).toBe("");
  });

  it("sets body text 16 pt 仿宋_GB2312, indented 2 characters, exact 579-twip lines", async () => {
    const body = byText(await draft(), "今年以来");
    expect(body.sizeHalfPoints).toBe(32);
    expect(body.fonts[0]).toBe("仿宋_GB2312");
    expect(body.indent).toMatchObject({ firstLine: 640, firstLineChars: 200 });
    expect(body.spacing).toEqual({ line: 579, lineRule: "exact" });
    expect(body.align).toBe("both");
  });

  it("writes headings as one paragraph with the number as text, fonts per level", async () => {
    const d = await draft();
    const headings = d.paragraphs.filter((p) => p.style?.startsWith("Heading"));
    expect(headings.map((h) => h.text.replace(/【.*】$/, ""))).toEqual([
      "一、上半年主要工作情况", "（一）扎实推进数据资源整合", "1.夯实基础设施", "（1）网络安全保障", "二、存在的问题", "三、下半年工作打算",
    ]);
    const [h1, h2, h3, h4] = headings;
    expect([h1.fonts[0], h2.fonts[0], h3.fonts[0], h4.fonts[0]]).toEqual(["黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"]);
    // §7.3.3: 黑体 / 楷体 / 仿宋 / 仿宋, none bold (level-3 bold is the boldLevel3 option)
    expect([h1.bold, h2.bold, h3.bold, h4.bold].map(Boolean)).toEqual([false, false, false, false]);
    for (const h of headings) expect(h).toMatchObject({ sizeHalfPoints: 32, indent: { firstLine: 640 } });
  });

  it("keeps inline bold, renders lists with text markers and hard breaks as line breaks", async () => {
    const d = await draft();
    expect(byText(d, "完成全市").runs.find((r) => r.text.startsWith("新增"))?.bold).toBe(true);
    expect(byText(d, "1.建立数据质量").indent.firstLine).toBe(640);
    expect(byText(d, "2.开展重点领域")).toBeDefined();
    expect(byText(d, "·整改").runs.find((r) => r.text === "整改")?.italic).toBe(true);
    expect(byText(d, "机房改造").text).toBe("机房改造分两期实施：\n一期已完工，二期正在施工。");
  });

  it("ends with the 落款 right-aligned (GB/T 9704-2012 §7.3.5.2)", async () => {
    const d = await draft();
    const [org, date] = d.paragraphs.slice(-2);
    expect(org).toMatchObject({ text: "某某市数据局", align: "right" });
    expect(date).toMatchObject({ text: "2026年7月10日", align: "right", indent: { right: 640 } });
    expect(org.indent.right).toBe(Math.round(4.5 * 320));
    const undated = await inspectDocx(await exportDocx(sampleDocument({ date: undefined })));
    expect(undated.paragraphs.some((p) => p.align === "right")).toBe(false);
  });
});

describe("exportDocx page numbers and draft marks", () => {
  it("prints — PAGE — in 14 pt 宋体, odd pages right and even pages left", async () => {
    const d = await draft();
    expect(d.evenAndOddHeaders).toBe(true);
    const odd = d.footers.find((f) => f.type === "default");
    const even = d.footers.find((f) => f.type === "even");
    expect(odd).toMatchObject({ text: "— {PAGE} —", align: "right" });
    expect(even).toMatchObject({ text: "— {PAGE} —", align: "left" });
    expect(odd?.paragraphs[0]).toMatchObject({ sizeHalfPoints: 28, indent: { right: 320 } });
    expect(even?.paragraphs[0].indent.left).toBe(320);
    expect(odd?.paragraphs[0].fonts).toEqual(["宋体"]);
  });

  it("marks a draft with a 征求意见稿 header and flags sections not approved", async () => {
    const d = await draft();
    expect(d.headers.map((h) => [h.type, h.text, h.align])).toEqual([["default", "征求意见稿", "right"], ["even", "征求意见稿", "right"]]);
    expect(d.headers[0].paragraphs[0].fonts[0]).toBe("黑体");
    expect(byText(d, "1.夯实基础设施").text).toBe("1.夯实基础设施【未审定：审核中】");
    expect(byText(d, "（1）网络安全").text).toBe("（1）网络安全保障【未审定：退回修改】");
    expect(byText(d, "一、上半年").text).toBe("一、上半年主要工作情况");
  });

  it("writes no draft marks in a final version", async () => {
    const final = await inspectDocx(await exportDocx(sampleDocument({ draft: true, finalVersion: 2 })));
    expect(final.headers).toEqual([]);
    expect(final.paragraphs.some((p) => p.text.includes("未审定") || p.text.includes("征求意见稿"))).toBe(false);
    expect(final.footers).toHaveLength(2);
  });

  it("exports a 40-section, 60,000-character document", async () => {
    const big = largeDocument(40, 60_000);
    const started = performance.now();
    const bytes = await exportDocx(big);
    console.log(`40-section docx: ${Math.round(performance.now() - started)} ms, ${bytes.byteLength} bytes`);
    const d = await inspectDocx(bytes);
    expect(d.paragraphs.filter((p) => p.style?.startsWith("Heading"))).toHaveLength(40);
    expect(d.paragraphs.reduce((n, p) => n + p.text.length, 0)).toBeGreaterThan(60_000);
  });
});
