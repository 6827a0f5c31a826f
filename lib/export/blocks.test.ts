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
