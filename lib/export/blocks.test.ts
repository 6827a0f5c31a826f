import { describe, expect, it } from "vitest";
import { blocksToText, prosemirrorToBlocks, textToBlocks } from "./blocks";

const text = (t: string, ...marks: string[]) => ({ type: "text", text: t, ...(marks.length && { marks: marks.map((m) => ({ type: m })) }) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });

describe("prosemirrorToBlocks", () => {
  it("converts paragraphs with bold/italic marks and hard breaks", () => {
    const doc = { type: "doc", content: [para(text("　　全年"), text("重点", "bold"), text("任务", "italic"), { type: "hardBreak" }, text("第二行")), para()] };
    expect(prosemirrorToBlocks(doc)).toEqual([
      { type: "paragraph", runs: [{ text: "全年" }, { text: "重点", bold: true }, { text: "任务", italic: true }, { text: "\n第二行" }] },
    ]);
  });

  it("converts bullet and ordered lists, flattening nested lists after their item", () => {
    const item = (...content: unknown[]) => ({ type: "listItem", content });
    const doc = {
      type: "doc",
      content: [
        { type: "orderedList", attrs: { start: 1 }, content: [item(para(text("甲")), { type: "bulletList", content: [item(para(text("甲一")))] }), item(para(text("乙")), para(text("乙续")))] },
        { type: "bulletList", content: [item(para(text("丙", "bold")))] },
      ],
    };
    expect(prosemirrorToBlocks(doc)).toEqual([
      { type: "list", ordered: true, items: [[{ text: "甲" }], [{ text: "甲一" }], [{ text: "乙\n乙续" }]] },
      { type: "list", ordered: false, items: [[{ text: "丙", bold: true }]] },
    ]);
  });

  it("keeps the text of unknown nodes and the paragraphs inside containers", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("小标题")] },
        { type: "blockquote", content: [para(text("引文"))] },
        { type: "mystery", content: [{ type: "mention", content: [text("张三")] }] },
        { type: "horizontalRule" },
      ],
    };
    expect(blocksToText(prosemirrorToBlocks(doc))).toBe("小标题\n引文\n张三");
  });

  it("rejects non-objects", () => {
    expect(() => prosemirrorToBlocks("doc")).toThrow(TypeError);
    expect(() => prosemirrorToBlocks(null)).toThrow(TypeError);
    expect(prosemirrorToBlocks({ type: "doc" })).toEqual([]);
  });
});

describe("textToBlocks / blocksToText", () => {
  it("makes one paragraph per non-empty line and round-trips", () => {
    const blocks = textToBlocks("第一段\r\n\n  　　第二段  \n");
    expect(blocks).toEqual([{ type: "paragraph", runs: [{ text: "第一段" }] }, { type: "paragraph", runs: [{ text: "第二段" }] }]);
    expect(blocksToText(blocks)).toBe("第一段\n第二段");
    expect(textToBlocks("")).toEqual([]);
  });

  it("writes list items with their markers", () => {
    expect(blocksToText([{ type: "list", ordered: true, items: [[{ text: "甲" }], [{ text: "乙" }]] }, { type: "list", ordered: false, items: [[{ text: "丙" }]] }])).toBe("1.甲\n2.乙\n·丙");
  });
});

describe("tables", () => {
  const cell = (type: string, attrs: Record<string, unknown>, ...paras: unknown[]) => ({ type, attrs, content: paras });
  const table = {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", { colspan: 1, rowspan: 1 }, para(text("指标"))), cell("tableHeader", { colspan: 2, rowspan: 1 }, para(text("完成")))] },
      { type: "tableRow", content: [cell("tableCell", { colspan: 1, rowspan: 1 }, para(text("　　人数", "bold")), para(text("（名）"))), cell("tableCell", {}, para()), cell("tableCell", { rowspan: "x" }, para(text("12")))] },
    ],
  };

  it("keeps a Tiptap table as rows of cells with header flags, spans and marks", () => {
    expect(prosemirrorToBlocks({ type: "doc", content: [para(text("前")), table, para(text("后"))] })).toEqual([
      { type: "paragraph", runs: [{ text: "前" }] },
      {
        type: "table",
        rows: [
          [{ runs: [{ text: "指标" }], header: true }, { runs: [{ text: "完成" }], header: true, colspan: 2 }],
          [{ runs: [{ text: "人数", bold: true }, { text: "\n" }, { text: "（名）" }] }, { runs: [] }, { runs: [{ text: "12" }] }],
        ],
      },
      { type: "paragraph", runs: [{ text: "后" }] },
    ]);
  });

  it("drops a table without any text and writes rows as cells joined by ' | '", () => {
    const empty = { type: "table", content: [{ type: "tableRow", content: [cell("tableCell", {}, para())] }] };
    expect(prosemirrorToBlocks({ type: "doc", content: [empty] })).toEqual([]);
    expect(blocksToText(prosemirrorToBlocks({ type: "doc", content: [table] }))).toBe("指标 | 完成\n人数 （名） | | 12");
  });
});
