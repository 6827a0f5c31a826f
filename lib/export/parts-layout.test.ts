/**
 * 主送, 附件说明 and 落款 in the exports (GB/T 9704-2012 §7.3.2, §7.3.4, §7.3.5): where each
 * stands and how it is indented in the .docx, the HTML page and the Markdown text.
 */
import { describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { exportHtml } from "./html";
import { exportMarkdown } from "./markdown";
import { exportDocument } from "./index";
import { attachmentLines } from "./attachments";
import { inspectDocx, type InspectedParagraph } from "./inspect-docx";
import { sampleDocument } from "./sample-document";

const CHAR = 320; // one 3号 character in twips
const withParts = (overrides = {}) =>
  sampleDocument({
    addressee: "县委、县政府",
    attachments: ["上半年主要经济指标完成情况", "重点项目清单", "重点改革任务推进情况表"],
    organisation: "某某县发展和改革局",
    date: "2026-07-10",
    draft: false,
    finalVersion: 1,
    ...overrides,
  });
const at = (ps: InspectedParagraph[], start: string) => ps.findIndex((p) => p.text.startsWith(start));

describe("attachmentLines", () => {
  it("numbers several items with the numbers under `1.` and the names under the first name", () => {
    const lines = attachmentLines(["清单。", " ", "台账"]);
    expect(lines.map((l) => l.label + l.number + l.name)).toEqual(["附件：1.清单", "2.台账"]);
    // 左空二字 + 附件： (3) + `1.` (1): every name starts 6 characters in.
    expect(lines.map((l) => [l.leftChars, l.leftChars - l.hangingChars])).toEqual([[6, 2], [6, 5]]);
  });
  it("prints one item unnumbered, and nothing for no items", () => {
    expect(attachmentLines(["清单"])).toMatchObject([{ label: "附件：", number: "", name: "清单", leftChars: 5, hangingChars: 3 }]);
    expect(attachmentLines([])).toEqual([]);
    expect(attachmentLines(["", "  "])).toEqual([]);
  });
  it("widens the number column for ten items or more", () => {
    const lines = attachmentLines(Array.from({ length: 10 }, (_, i) => `表${i + 1}`));
    expect(lines[9]).toMatchObject({ number: "10.", numberChars: 1.5, leftChars: 6.5 });
  });
});

describe("exportDocx with 主送, 附件说明 and 落款", () => {
  it("puts them in GB/T 9704 order: title, blank, 主送, opening … body, blank, 附件, blank, 落款", async () => {
    const d = await inspectDocx(await exportDocx(withParts()));
    const texts = d.paragraphs.map((p) => p.text);
    expect(texts.slice(0, 5)).toEqual(["某某市数据局", "2026年上半年工作总结", "", "县委、县政府：", "现将我局2026年上半年工作情况及下半年工作打算报告如下。"]);
    expect(texts.slice(-8)).toEqual([
      "下半年，我局将紧盯全年目标，查漏补缺，确保各项任务按期完成。",
      "",
      "附件：1.\t上半年主要经济指标完成情况",
      "2.\t重点项目清单",
      "3.\t重点改革任务推进情况表",
      "",
      "某某县发展和改革局",
      "2026年7月10日", // ISO date printed in Arabic numerals
    ]);
  });

  it("sets 主送 flush left without indent and 附件 with hanging numbers 2 characters in", async () => {
    const d = await inspectDocx(await exportDocx(withParts()));
    const addressee = d.paragraphs[at(d.paragraphs, "县委")];
    expect(addressee.indent).toMatchObject({ left: 0, firstLine: 0 });
    expect(addressee.indent.firstLineChars).toBeUndefined();
    expect(addressee.fonts[0]).toBe("仿宋_GB2312");
    const [first, second, third] = d.paragraphs.slice(at(d.paragraphs, "附件："), at(d.paragraphs, "附件：") + 3);
    // Names start 6 characters in; `附件：` at 2 characters; `2.` under `1.` at 5 characters.
    expect(first.indent).toMatchObject({ left: 6 * CHAR, hanging: 4 * CHAR });
    expect(second.indent).toMatchObject({ left: 6 * CHAR, hanging: 1 * CHAR });
    expect(third.indent).toMatchObject({ left: 6 * CHAR, hanging: 1 * CHAR });
    expect(first.tabs).toEqual([6 * CHAR]);
    expect(first.align).toBe("left");
    const [org, date] = d.paragraphs.slice(-2);
    expect(org).toMatchObject({ align: "right", indent: { right: 2 * CHAR } }); // 9 chars ≥ date + 2
    expect(date).toMatchObject({ align: "right", indent: { right: Math.round(2.5 * CHAR) } }); // 9 − 6.5
  });

  it("prints a single attachment unnumbered and nothing extra without 主送 or 附件", async () => {
    const one = await inspectDocx(await exportDocx(withParts({ attachments: ["重点项目清单"] })));
    expect(one.paragraphs.find((p) => p.text.startsWith("附件"))).toMatchObject({ text: "附件：重点项目清单", indent: { left: 5 * CHAR, hanging: 3 * CHAR } });
    const none = await inspectDocx(await exportDocx(withParts({ addressee: "", attachments: [] })));
    const texts = none.paragraphs.map((p) => p.text);
    expect(texts[3]).toMatch(/^现将/);
    expect(texts.filter((t) => t.startsWith("附件"))).toEqual([]);
    expect(texts.slice(-3)).toEqual(["", "某某县发展和改革局", "2026年7月10日"]);
  });

  it("prints a date without unit alone, 右空二字, and converts a 汉字 date", async () => {
    const d = await inspectDocx(await exportDocx(withParts({ organisation: "", date: "二〇二六年七月十日" })));
    expect(d.paragraphs.slice(-2).map((p) => p.text)).toEqual(["", "2026年7月10日"]);
    expect(d.paragraphs.at(-1)!.indent.right).toBe(2 * CHAR);
  });
});

describe("exportHtml and exportMarkdown with 主送, 附件说明 and 落款", () => {
  it("HTML: 主送 before the opening, 附件 after the last section, 落款 last with an Arabic date", () => {
    const html = exportHtml(withParts({ addressee: "县委、<县政府>" }));
    const order = ['<p class="addressee">县委、&lt;县政府&gt;：</p>', "现将我局", "下半年，我局将", '<div class="attachments">', "附件：", "重点改革任务推进情况表", '<div class="signoff">', "2026年7月10日"];
    const positions = order.map((s) => html.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('<p style="padding-left: 6em; text-indent: -4em"><span class="box" style="width: 3em">附件：</span><span class="box" style="width: 1em">1.</span>上半年主要经济指标完成情况</p>');
    expect(html).toContain('<p style="padding-left: 6em; text-indent: -1em"><span class="box" style="width: 1em">2.</span>重点项目清单</p>');
    expect(html).not.toContain("2026-07-10");
  });

  it("Markdown: 主送 line, aligned 附件 lines and the 落款 with an Arabic date", () => {
    const md = exportMarkdown(withParts());
    expect(md).toContain("# 某某市数据局2026年上半年工作总结\n\n县委、县政府：\n\n现将我局");
    expect(md).toContain("确保各项任务按期完成。\n\n附件：1\\.上半年主要经济指标完成情况\\\n\u3000\u3000\u30002\\.重点项目清单\\\n\u3000\u3000\u30003\\.重点改革任务推进情况表\n\n某某县发展和改革局\\\n2026年7月10日\n");
  });

  it("removes control characters from 主送 and 附件 like from any text", async () => {
    const { bytes } = await exportDocument(withParts({ addressee: "县委\u0000、县政府", attachments: ["清\u0007单"] }), "md");
    const md = new TextDecoder().decode(bytes);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(md).toContain("县委 、县政府：");
    expect(md).toContain("附件：清 单");
  });
});
