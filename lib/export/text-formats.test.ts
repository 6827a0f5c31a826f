import { describe, expect, it } from "vitest";
import { exportDocument } from "./index";
import { exportHtml } from "./html";
import { escapeMarkdown, exportMarkdown } from "./markdown";
import { sampleDocument } from "./sample-document";
import { signOffIndents, textWidthChars } from "./signoff";

describe("exportMarkdown", () => {
  it("writes the draft mark, title, numbered headings by level and state markers", () => {
    const md = exportMarkdown(sampleDocument());
    const lines = md.split("\n");
    expect(lines[0]).toBe("> 征求意见稿");
    expect(md).toContain("# 某某市数据局2026年上半年工作总结\n");
    expect(md).toContain("\n## 一、上半年主要工作情况\n");
    expect(md).toContain("\n### （一）扎实推进数据资源整合\n");
    expect(md).toContain("\n#### 1\\.夯实基础设施 【未审定：审核中】\n");
    expect(md).toContain("\n##### （1）网络安全保障 【未审定：退回修改】\n");
    expect(md).toContain("完成全市政务数据目录梳理，**新增共享数据项一千二百余个**，");
    expect(md).toContain("1. 建立数据质量月度通报机制；\n2. 开展重点领域数据治理专项行动。");
    expect(md).toContain("- *整改*隐患二十三项。");
    expect(md).toContain("机房改造分两期实施：\\\n一期已完工");
    expect(md.trimEnd().endsWith("某某市数据局\\\n2026年7月10日")).toBe(true);
  });

  it("has no draft marks for a final version and escapes user text", () => {
    const md = exportMarkdown(sampleDocument({ finalVersion: 1, title: "<script>alert(1)</script> *粗*" }));
    expect(md).not.toMatch(/征求意见稿|未审定/);
    expect(md).toContain("# \\<script\\>alert(1)\\</script\\> \\*粗\\*");
    expect(escapeMarkdown("# 标题\n- 项\n1. 项")).toBe("\\# 标题\n\\- 项\n1\\. 项");
  });

  it("keeps punctuation outside ** so CommonMark closes the emphasis", () => {
    const doc = sampleDocument({ preamble: [{ type: "paragraph", runs: [{ text: "重点：", bold: true }, { text: "文字" }] }] });
    expect(exportMarkdown(doc)).toContain("**重点**：文字");
  });
});

describe("exportHtml", () => {
  it("is a self-contained zh-CN page with the GB/T 9704 print layout", () => {
    const html = exportHtml(sampleDocument());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm;");
    expect(html).toContain(`"FangSong_GB2312", "仿宋_GB2312", "FangSong"`);
    expect(html).toMatch(/body \{[^}]*16pt\/28\.95pt/);
    expect(html).toContain("text-indent: 2em");
    expect(html).toMatch(/h1\.doc-title \{ font: 22pt[^}]*text-align: center/);
    expect(html).toContain('content: "— " counter(page) " —"');
    expect(html).not.toMatch(/<(link|script|img)\b/);
  });

  it("marks a draft and sections not approved; not a final version", () => {
    const html = exportHtml(sampleDocument());
    expect(html).toContain('<div class="watermark" aria-hidden="true">征求意见稿</div>');
    expect(html).toContain('<section class="level-3 unapproved" data-state="in_review">');
    expect(html).toContain('<h4>1.夯实基础设施<span class="marker">【未审定：审核中】</span></h4>');
    expect(html).toContain("<h2>一、上半年主要工作情况</h2>");
    const final = exportHtml(sampleDocument({ draft: false, finalVersion: 4 }));
    expect(final.slice(final.indexOf("</style>"))).not.toMatch(/征求意见稿|未审定|unapproved/);
    expect(final).not.toContain('@top-right { content: "征求意见稿"');
    expect(final).toContain('<meta name="version" content="第4版">');
  });

  it("escapes user text everywhere (no script injection)", () => {
    const evil = "<script>alert('x')</script>";
    const doc = sampleDocument({ title: evil, organisation: `"><img src=x onerror=alert(1)>` });
    doc.sections[0] = { ...doc.sections[0], title: evil, blocks: [{ type: "paragraph", runs: [{ text: evil, bold: true }] }] };
    const html = exportHtml(doc);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  });
});

describe("exportDocument", () => {
  it("returns bytes, content type and extension per format", async () => {
    const doc = sampleDocument();
    const docx = await exportDocument(doc, "docx");
    expect(docx.extension).toBe("docx");
    expect(docx.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect([...docx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK" zip
    const md = await exportDocument(doc, "md");
    expect(md).toMatchObject({ extension: "md", contentType: "text/markdown; charset=utf-8" });
    expect(new TextDecoder().decode(md.bytes)).toBe(exportMarkdown(doc));
    const html = await exportDocument(doc, "html");
    expect(html).toMatchObject({ extension: "html", contentType: "text/html; charset=utf-8" });
    await expect(exportDocument(doc, "pdf" as never)).rejects.toThrow(RangeError);
  });
});

describe("signOffIndents (GB/T 9704-2012 §7.3.5.2)", () => {
  it("measures half-width digits as half a character", () => {
    expect(textWidthChars("2026年7月10日")).toBe(6.5);
  });
  it("keeps the organisation 2 chars in when the date is short enough, else the date", () => {
    expect(signOffIndents("某某市人民政府办公室", "2026年7月10日")).toEqual({ organisation: 2, date: 3.5 });
    expect(signOffIndents("某某局", "2026年7月10日")).toEqual({ organisation: 7.5, date: 2 });
  });
});

describe("tables and options in Markdown and HTML", () => {
  it("Markdown: a pipe table, header row first, spans written once, | escaped", () => {
    const md = exportMarkdown(sampleDocument());
    expect(md).toContain("| 指标 | 全年目标 | 上半年完成 |\n| --- | --- | --- |\n| 共享数据项（个） | 2000 | **1200** |\n| 接口调用量增长 | 30% | 35% |");
    const spanned = sampleDocument({ sections: [{ id: "t", number: "一、", title: "表", level: 1, state: "approved", blocks: [{
      type: "table", rows: [[{ runs: [{ text: "a|b" }], header: true, colspan: 2 }], [{ runs: [{ text: "甲\n乙" }] }]],
    }] }] });
    expect(exportMarkdown(spanned)).toContain("| a\\|b |  |\n| --- | --- |\n| 甲<br>乙 |  |");
  });

  it("HTML: a bordered table with th header cells, spans and escaped text", () => {
    const html = exportHtml(sampleDocument());
    expect(html).toMatch(/<table class="grid">\n<colgroup>(<col style="width: [\d.]+%">){3}<\/colgroup>\n<tr><th>指标<\/th>/);
    expect(html).toContain('<tr><th>指标</th><th>全年目标</th><th>上半年完成</th></tr>\n<tr><td>共享数据项（个）</td><td>2000</td><td><strong>1200</strong></td></tr>');
    const widths = [...html.matchAll(/<col style="width: ([\d.]+)%">/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(widths[0]).toBeGreaterThan(widths[1]); // 共享数据项（个） is the longest column
    expect(html).toMatch(/table\.grid td, table\.grid th \{ border: 0\.5pt solid #000;/);
    expect(html).toMatch(/table\.grid \{ width: 100%;[^}]*font-size: 14pt/);
    const evil = sampleDocument({ preamble: [{ type: "table", rows: [[{ runs: [{ text: "<img src=x>" }], colspan: 2 }]] }] });
    expect(exportHtml(evil)).toContain('<td colspan="2">&lt;img src=x&gt;</td>');
  });

  it("clean draft: one （征求意见稿） under the title, no quote, watermark, page box or heading marks", () => {
    const md = exportMarkdown(sampleDocument(), { cleanDraft: true });
    expect(md.startsWith("# 某某市数据局2026年上半年工作总结\n\n（征求意见稿）\n")).toBe(true);
    expect(md).not.toMatch(/未审定|> 征求意见稿/);
    const html = exportHtml(sampleDocument(), { cleanDraft: true });
    const body = html.slice(html.indexOf("<body"));
    expect(body.match(/征求意见稿/g)).toHaveLength(1);
    expect(body).toContain('<h1 class="doc-title">某某市数据局<br>2026年上半年工作总结</h1>\n<p class="draft-title">（征求意见稿）</p>');
    expect(body).not.toMatch(/watermark|unapproved|未审定/);
    expect(html).not.toMatch(/@top-right \{ content: "征/);
    expect(exportHtml(sampleDocument())).toContain('@top-right { content: "征求意见稿"');
  });

  it("level 3 is plain unless boldLevel3", () => {
    expect(exportHtml(sampleDocument())).not.toMatch(/h4 \{[^}]*bold/);
    expect(exportHtml(sampleDocument(), { boldLevel3: true })).toMatch(/h4 \{[^}]*font-weight: bold/);
  });

  it("HTML fits 28 characters of 16 pt in 156 mm and empties the margin boxes it does not use", () => {
    const html = exportHtml(sampleDocument({ draft: false, finalVersion: 1 }));
    const spacing = Number(/body \{[^}]*letter-spacing: (-?[\d.]+)pt/.exec(html)?.[1]);
    const widthPt = (156 / 25.4) * 72;
    expect(28 * (16 + spacing)).toBeLessThanOrEqual(widthPt);
    expect(29 * (16 + spacing)).toBeGreaterThan(widthPt);
    for (const box of ["top-left", "top-center", "top-right", "bottom-center"]) expect(html).toContain(`@${box} { content: ""; }`);
  });
});
