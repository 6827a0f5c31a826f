import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docFromUpdates, docToContent, textToYjsUpdate } from "./content";
import { renderSection, unreadableMarker } from "./render-section";
import { YJS_FIELD } from "@/lib/editor/extensions";

/** The update `edit` makes on a doc that already holds `base`. */
function updateOf(base: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** `levels` nested bullet lists, built top-down in one transaction. */
function deepNesting(levels: number) {
  return (doc: Y.Doc) =>
    doc.transact(() => {
      const frag = doc.getXmlFragment(YJS_FIELD);
      frag.insert(frag.length, [new Y.XmlElement("bulletList")]);
      let list = frag.get(frag.length - 1) as Y.XmlElement;
      for (let d = 1; d + 2 <= levels; d += 2) {
        list.insert(0, [new Y.XmlElement("listItem")]);
        const item = list.get(0) as Y.XmlElement;
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText("层")]);
        item.insert(0, [p, new Y.XmlElement("bulletList")]);
        list = item.get(1) as Y.XmlElement;
      }
    });
}

describe("renderSection", () => {
  const base = textToYjsUpdate("第一段，完成了三项工作。\n第二段：下半年计划。");

  it("renders a normal section exactly as docToContent does", () => {
    const r = renderSection([base]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected = docToContent(docFromUpdates([base]));
    expect(r.json).toEqual(expected.json);
    expect(r.text).toBe(expected.text);
    expect(docToContent(docFromUpdates([r.yjsState])).text).toBe(expected.text);
  });

  it("reports the stored 22-byte getArray update as unreadable instead of throwing", () => {
    const bad = updateOf(base, (d) => d.getArray(YJS_FIELD).insert(0, [1]));
    expect(() => docToContent(docFromUpdates([base, bad]))).toThrow(); // what every reader did before
    const r = renderSection([base, bad]);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toMatch(/ContentAny/);
  });

  it("reports 10,000 nested elements as unreadable without blowing the stack", () => {
    const deep = updateOf(base, deepNesting(10_000));
    const r = renderSection([base, deep]);
    expect(r).toEqual({ ok: false, error: "nesting deeper than 32" });
    expect(renderSection([base, updateOf(base, deepNesting(31))]).ok).toBe(true);
  });

  it("reports unknown nodes, marks, garbage bytes as unreadable", () => {
    const script = updateOf(base, (d) => d.getXmlFragment(YJS_FIELD).insert(0, [new Y.XmlElement("script")]));
    expect(renderSection([base, script]).ok).toBe(false);
    const link = updateOf(base, (d) => ((d.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { link: {} }));
    expect(renderSection([base, link]).ok).toBe(false);
    expect(renderSection([base, new Uint8Array([9, 9, 9, 9])]).ok).toBe(false);
  });

  it("a deleted bad element no longer makes the section unreadable", () => {
    const script = updateOf(base, (d) => d.getXmlFragment(YJS_FIELD).insert(0, [new Y.XmlElement("script")]));
    const removed = updateOf(Y.mergeUpdates([base, script]), (d) => d.getXmlFragment(YJS_FIELD).delete(0, 1));
    expect(renderSection([base, script, removed]).ok).toBe(true);
  });

  it("strips control characters stored in the text (NUL cannot go into PostgreSQL text)", () => {
    const nul = updateOf(base, (d) => ((d.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "\u0000\u0007"));
    const r = renderSection([base, nul]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe("第一段，完成了三项工作。\n第二段：下半年计划。");
    expect(JSON.stringify(r.json)).not.toMatch(/\\u000[07]/);
  });

  it("an empty log is an empty, readable section", () => {
    expect(renderSection([])).toMatchObject({ ok: true, text: "" });
  });

  it("names the section in the marker", () => {
    expect(unreadableMarker("夯实基层基础")).toBe("【本节内容无法读取：夯实基层基础，请管理员恢复】");
  });
});
