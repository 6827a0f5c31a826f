import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { bodySchema, docFromUpdates, docToContent, textToYjsUpdate } from "./content";

describe("section content", () => {
  it("round-trips text through a Yjs document", () => {
    const doc = docFromUpdates([textToYjsUpdate("第一段，完成了三项工作。\n\n第二段：下半年计划。")]);
    const { json, text } = docToContent(doc);
    expect(text).toBe("第一段，完成了三项工作。\n第二段：下半年计划。");
    expect(json.content).toHaveLength(2);
  });
  it("an empty body is one empty paragraph", () => {
    const { text, json } = docToContent(docFromUpdates([textToYjsUpdate("")]));
    expect(text).toBe("");
    expect(json.content?.[0]?.type).toBe("paragraph");
  });
  it("merging the same seed twice would double text, so seeds must be created once", () => {
    const a = textToYjsUpdate("内容");
    const b = textToYjsUpdate("内容");
    expect(docToContent(docFromUpdates([a, b])).text).not.toBe("内容");
    expect(docToContent(docFromUpdates([a, a])).text).toBe("内容");
    expect(Y.mergeUpdates([a, a]).length).toBeGreaterThan(0);
  });
  it("a table reads as one line per row, cells separated by ' | '", () => {
    const p = (text?: string) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
    const cell = (type: string, ...paras: unknown[]) => ({ type, content: paras });
    const json = {
      type: "doc",
      content: [
        p("表前。"),
        { type: "table", content: [
          { type: "tableRow", content: [cell("tableHeader", p("指标")), cell("tableHeader", p("完成"))] },
          { type: "tableRow", content: [cell("tableCell", p("党员"), p("（名）")), cell("tableCell", p())] },
        ] },
        p("表后。"),
      ],
    };
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(bodySchema(), json, doc.getXmlFragment(YJS_FIELD));
    expect(docToContent(doc).text).toBe("表前。\n指标 | 完成\n党员 （名） |\n表后。");
  });
});
