import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { initProseMirrorDoc, ySyncPlugin } from "@tiptap/y-tiptap";
import { bodySchema, textToYjsUpdate } from "@/lib/collab/content";
import { YJS_FIELD } from "./extensions";
import { commentDecorations, selectionQuote } from "./comment-highlight";

/** An editor state bound to `doc` the way the ySyncPlugin binds it (mapping of the current Y state). */
function stateOf(doc: Y.Doc): EditorState {
  const fragment = doc.getXmlFragment(YJS_FIELD);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, bodySchema());
  return EditorState.create({ doc: pm, plugins: [ySyncPlugin(fragment, { mapping })] });
}

const highlighted = (state: EditorState, anchors: { id: string; start: unknown; end: unknown }[], active: string | null = null) =>
  commentDecorations(state, anchors, active).find().map((d) => ({
    text: state.doc.textBetween(d.from, d.to),
    cls: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class,
  }));

describe("the editor's comment highlight", () => {
  it("highlights an open thread's quote selected in the editor, and follows edits around it", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, textToYjsUpdate("开展专项监督检查2轮，发现并督促整改问题15项。\n持续开展廉洁文化进班组活动。"));
    let state = stateOf(doc);
    const from = state.doc.textContent.indexOf("发现") + 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + "发现并督促整改问题15项".length)));
    const q = selectionQuote(state)!;
    expect(q.quote).toBe("发现并督促整改问题15项");
    const anchors = [{ id: "c1", ...q.anchor! }];
    expect(highlighted(state, anchors, "c1")).toEqual([{ text: "发现并督促整改问题15项", cls: "hegao-comment hegao-comment-active" }]);

    const p = (doc.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    p.insert(0, "上半年，");
    ((doc.getXmlFragment(YJS_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "同时");
    expect(highlighted(stateOf(doc), anchors)).toEqual([{ text: "发现并督促整改问题15项", cls: "hegao-comment" }]);

    p.delete(p.toString().indexOf("发现"), "发现并督促整改问题15项".length);
    expect(highlighted(stateOf(doc), anchors)).toEqual([]);
  });

  it("no selection, no quote; nothing before the document is bound", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, textToYjsUpdate("甲乙丙"));
    const state = stateOf(doc);
    expect(selectionQuote(state)).toBeNull();
    const bare = EditorState.create({ doc: state.doc });
    expect(commentDecorations(bare, [{ id: "x", start: {}, end: {} }], null).find()).toEqual([]);
  });
});
