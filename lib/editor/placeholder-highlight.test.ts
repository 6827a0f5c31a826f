import { describe, expect, it } from "vitest";
import { Node as PMNode } from "@tiptap/pm/model";
import { bodySchema, prosemirrorJSONToText } from "@/lib/collab/content";
import { findPlaceholders, placeholderKeys } from "@/lib/placeholders/find";
import { placeholderDecorations } from "./placeholder-highlight";

const json = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "上半年发展党员X名，组织XX场活动。" }] },
    { type: "paragraph", content: [{ type: "text", text: "第二段又有X名，" }, { type: "hardBreak" }, { type: "text", text: "以及《X》。" }] },
    { type: "paragraph", content: [{ type: "text", text: "没有空白的段落。" }] },
  ],
};

describe("placeholderDecorations", () => {
  const doc = PMNode.fromJSON(bodySchema(), json);

  it("decorates exactly the blanks, with the server's keys", () => {
    const { decorations, count } = placeholderDecorations(doc, []);
    const found = decorations.find();
    expect(count).toBe(4);
    expect(found.map((d) => doc.textBetween(d.from, d.to))).toEqual(["X", "XX", "X", "X"]);
    const serverKeys = placeholderKeys(findPlaceholders(prosemirrorJSONToText(json)));
    expect(found.map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-placeholder-key"])).toEqual(serverKeys);
    expect((found[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toMatchObject({
      class: "hegao-placeholder", title: "待补充内容：X名",
    });
  });

  it("skips intended keys and counts only the rest", () => {
    const { decorations, count } = placeholderDecorations(doc, ["x-count:X:1", "x-name:X:0"]);
    expect(count).toBe(2);
    expect(decorations.find().map((d) => doc.textBetween(d.from, d.to))).toEqual(["X", "XX"]);
  });
});
