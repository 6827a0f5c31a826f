import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { bodySchema, textToYjsUpdate } from "@/lib/collab/content";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { anchorToRange, findQuote, rangeToAnchor, type AnchorJson } from "./anchor";

/** A Y.Doc holding `text` (one paragraph per line), as the collaboration server stores it. */
function docOf(text: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, textToYjsUpdate(text));
  return doc;
}

/** The text the anchor covers in the document's current state ("" when none). */
function covered(doc: Y.Doc, anchor: AnchorJson): string | null {
  const fragment = doc.getXmlFragment(YJS_FIELD);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, bodySchema());
  const r = anchorToRange(doc, fragment, mapping as never, anchor);
  return r ? pm.textBetween(r.from, r.to, "\n") : null;
}

function anchorFor(doc: Y.Doc, quote: string): AnchorJson {
  const fragment = doc.getXmlFragment(YJS_FIELD);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, bodySchema());
  const range = findQuote(pm, quote);
  expect(range).not.toBeNull();
  return rangeToAnchor(fragment, mapping as never, range!.from, range!.to)!;
}

/** The paragraph's XmlText (the n-th paragraph of the body). */
const para = (doc: Y.Doc, n: number) => (doc.getXmlFragment(YJS_FIELD).get(n) as Y.XmlElement).get(0) as Y.XmlText;

describe("comment anchors as Yjs relative positions", () => {
  it("finds a quote across whitespace and paragraphs, and refuses what is not there", () => {
    const doc = docOf("开展专项监督检查3轮，发现问题15项。\n整改完成率100%。");
    const { doc: pm } = initProseMirrorDoc(doc.getXmlFragment(YJS_FIELD), bodySchema());
    const r = findQuote(pm, "发现问题15项");
    expect(pm.textBetween(r!.from, r!.to)).toBe("发现问题15项");
    const across = findQuote(pm, "15项。 整改完成率");
    expect(pm.textBetween(across!.from, across!.to, "\n")).toBe("15项。\n整改完成率");
    expect(findQuote(pm, "不存在的文字")).toBeNull();
    expect(findQuote(pm, "   ")).toBeNull();
  });

  it("survives an insert before it, at its very start and an edit elsewhere", () => {
    const doc = docOf("开展专项监督检查3轮，发现问题15项。\n整改完成率100%。");
    const anchor = anchorFor(doc, "发现问题15项");
    para(doc, 0).insert(0, "上半年");
    expect(covered(doc, anchor)).toBe("发现问题15项");
    // Typed right before the first quoted character: outside the quote.
    const at = para(doc, 0).toString().indexOf("发现");
    para(doc, 0).insert(at, "共");
    // Right after the last quoted character: outside too.
    const end = para(doc, 0).toString().indexOf("。");
    para(doc, 0).insert(end, "（已整改）");
    para(doc, 1).insert(0, "全年");
    expect(covered(doc, anchor)).toBe("发现问题15项");
    expect(para(doc, 0).toString()).toContain("共发现问题15项（已整改）");
  });

  it("follows an edit inside the quote and a new paragraph before it", () => {
    const doc = docOf("第一段。\n发现问题15项，已整改。");
    const anchor = anchorFor(doc, "发现问题15项");
    const p = para(doc, 1);
    p.delete(4, 2);
    p.insert(4, "16");
    const frag = doc.getXmlFragment(YJS_FIELD);
    const added = new Y.XmlElement("paragraph");
    added.insert(0, [new Y.XmlText("新的一段")]);
    frag.insert(0, [added]);
    expect(covered(doc, anchor)).toBe("发现问题16项");
  });

  it("a deleted range (or paragraph) has no range", () => {
    const doc = docOf("开展检查，发现问题15项。\n第二段。");
    const anchor = anchorFor(doc, "发现问题15项");
    const p = para(doc, 0);
    p.delete(p.toString().indexOf("发现"), "发现问题15项".length);
    expect(covered(doc, anchor)).toBeNull();

    const doc2 = docOf("第一段。\n发现问题15项。");
    const anchor2 = anchorFor(doc2, "问题15");
    doc2.getXmlFragment(YJS_FIELD).delete(1, 1);
    expect(covered(doc2, anchor2)).toBeNull();
  });

  it("an anchor of another document or of garbage resolves to nothing", () => {
    const a = docOf("甲乙丙丁");
    const anchor = anchorFor(a, "乙丙");
    expect(covered(docOf("甲乙丙丁"), anchor)).toBeNull();
    expect(covered(a, { start: { foo: 1 }, end: "x" } as never)).toBeNull();
  });
});
