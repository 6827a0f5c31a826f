import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docFromUpdates, docToContent, textToYjsUpdate } from "./content";

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
});
