import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { toggleMark, splitBlock, joinBackward } from "@tiptap/pm/commands";
import { wrapInList } from "@tiptap/pm/schema-list";
import { addRowAfter, addColumnAfter } from "@tiptap/pm/tables";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { bodySchema, docToContent, textToYjsUpdate } from "./content";
import { validateUpdate } from "./validate-update";
import { YJS_FIELD } from "@/lib/editor/extensions";

/** A server-side room document holding `text`. */
function serverDoc(text = "第一段。\n第二段。"): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, textToYjsUpdate(text));
  return doc;
}

/** A client synced with `server` and the updates it produces while `edit` runs. */
function clientUpdates(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const out: Uint8Array[] = [];
  client.on("update", (u: Uint8Array) => out.push(u));
  edit(client);
  return out;
}

/** The close code validateUpdate throws with, or "accepted". */
function verdict(doc: Y.Doc, update: Uint8Array, limits = {}): number | "accepted" {
  try {
    validateUpdate(doc, update, limits);
    return "accepted";
  } catch (err) {
    return (err as { code: number }).code;
  }
}

/** Validates then applies every update, as the server does; returns the verdicts. */
function send(server: Y.Doc, updates: Uint8Array[]): (number | "accepted")[] {
  return updates.map((u) => {
    const v = verdict(server, u);
    if (v === "accepted") Y.applyUpdate(server, u);
    return v;
  });
}

const paragraph = (text: string) => {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  return p;
};

describe("validateUpdate refuses what would break the section", () => {
  it("refuses the 22-byte getArray('default') update (finding 4) and leaves the document alone", () => {
    const server = serverDoc();
    const before = Y.encodeStateAsUpdate(server);
    const attacker = new Y.Doc();
    let update!: Uint8Array;
    attacker.on("update", (u: Uint8Array) => (update = u));
    attacker.getArray(YJS_FIELD).insert(0, [1]);
    expect(update.length).toBeLessThanOrEqual(22); // 22 bytes with a 5-byte client id
    expect(verdict(server, update)).toBe(4422);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
    expect(docToContent(server).text).toBe("第一段。\n第二段。");
  });

  it("refuses other root types, text straight in the body, and embeds", () => {
    const server = serverDoc();
    expect(send(server, clientUpdates(server, (c) => c.getMap("meta").set("x", 1)))).toEqual([4422]);
    expect(send(server, clientUpdates(server, (c) => c.getText(YJS_FIELD).insert(0, "裸文本")))).toEqual([4422]);
    expect(send(server, clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).insert(0, [new Y.XmlText("裸文本")])))).toEqual([4422]);
    const firstText = (c: Y.Doc) => (c.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(send(server, clientUpdates(server, (c) => firstText(c).insertEmbed(0, { image: "x" })))).toEqual([4422]);
  });

  it("refuses ContentAny, ContentBinary and nested Y types inside the body", () => {
    const server = serverDoc();
    const p = (c: Y.Doc) => c.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement;
    const refused = [
      (c: Y.Doc) => p(c).insert(0, [1 as never]),
      (c: Y.Doc) => p(c).insert(0, [new Uint8Array([1, 2]) as never]),
      (c: Y.Doc) => p(c).insert(0, [new Y.Map() as never]),
      (c: Y.Doc) => c.getXmlFragment(YJS_FIELD).insert(0, [new Y.XmlFragment() as never]),
    ];
    for (const edit of refused) expect(send(server, clientUpdates(server, edit))).toEqual([4422]);
    expect(docToContent(server).text).toBe("第一段。\n第二段。");
  });

  it("refuses node names, attributes and marks the editor's schema does not have, and nodes out of place", () => {
    const server = serverDoc();
    const frag = (c: Y.Doc) => c.getXmlFragment(YJS_FIELD);
    const text = (c: Y.Doc) => (frag(c).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const cases: [string, (c: Y.Doc) => void][] = [
      ["unknown node", (c) => frag(c).insert(0, [new Y.XmlElement("script")])],
      ["disabled node (heading)", (c) => frag(c).insert(0, [new Y.XmlElement("heading")])],
      ["the doc node", (c) => frag(c).insert(0, [new Y.XmlElement("doc")])],
      ["listItem at the top", (c) => frag(c).insert(0, [new Y.XmlElement("listItem")])],
      ["paragraph in a paragraph", (c) => (frag(c).get(0) as Y.XmlElement).insert(0, [new Y.XmlElement("paragraph")])],
      ["unknown attribute", (c) => (frag(c).get(0) as Y.XmlElement).setAttribute("onclick", "alert(1)")],
      ["unknown mark", (c) => text(c).format(0, 2, { link: { href: "javascript:alert(1)" } })],
      ["mark value not an object", (c) => text(c).format(0, 2, { bold: 5 as never })],
    ];
    for (const [name, edit] of cases) expect(send(server, clientUpdates(server, edit)), name).toEqual([4422]);
    expect(docToContent(server).text).toBe("第一段。\n第二段。");
  });

  it("refuses NUL and other C0 controls in text, keeps tabs", () => {
    const server = serverDoc();
    const text = (c: Y.Doc) => (c.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(send(server, clientUpdates(server, (c) => text(c).insert(1, "坏\u0000字")))).toEqual([4422]);
    expect(send(server, clientUpdates(server, (c) => text(c).insert(1, "\u0007")))).toEqual([4422]);
    expect(send(server, clientUpdates(server, (c) => text(c).insert(1, "甲\t乙")))).toEqual(["accepted"]);
  });

  it("refuses an update that would take the text over the cap with 4413, counting live text only", () => {
    const server = serverDoc("");
    const big = clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).insert(0, [paragraph("字".repeat(150))]));
    expect(verdict(server, big[0], { maxTextChars: 100 })).toBe(4413);
    // 90 characters typed and deleted three times: clocks say 270, live text is 0 → accepted.
    for (let i = 0; i < 3; i++) {
      const typed = clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).insert(0, [paragraph("删".repeat(90))]));
      typed.forEach((u) => Y.applyUpdate(server, u));
      clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).delete(0, 1)).forEach((u) => Y.applyUpdate(server, u));
    }
    const small = clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).insert(0, [paragraph("字".repeat(60))]));
    expect(verdict(server, small[0], { maxTextChars: 100 })).toBe("accepted");
  });

  it("refuses nesting deeper than 32 without blowing the stack, even 10,000 deep", () => {
    const nest = (levels: number) => (c: Y.Doc) =>
      // bulletList > listItem > bulletList > listItem > … : 2 levels per round, valid schema
      // otherwise; built top-down inside one transaction (one update), as an attacker would.
      c.transact(() => {
        const frag = c.getXmlFragment(YJS_FIELD);
        frag.insert(0, [new Y.XmlElement("bulletList")]);
        let list = frag.get(0) as Y.XmlElement;
        for (let depth = 1; depth + 2 <= levels; depth += 2) {
          list.insert(0, [new Y.XmlElement("listItem")]);
          const item = list.get(0) as Y.XmlElement;
          item.insert(0, [paragraph("层"), new Y.XmlElement("bulletList")]);
          list = item.get(1) as Y.XmlElement;
        }
      });
    const server = serverDoc();
    expect(send(server, clientUpdates(server, nest(31)))).toEqual(["accepted"]);
    for (const levels of [35, 10_000]) {
      const [update] = clientUpdates(server, nest(levels));
      expect(() => validateUpdate(server, update)).toThrow(/nesting deeper than 32/);
    }
  });

  it("refuses an element nested deeper than 32 by appending into an existing deep element", () => {
    const server = serverDoc("");
    const chain = (c: Y.Doc) => {
      let el = c.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement;
      while (el.length && el.get(el.length - 1) instanceof Y.XmlElement && (el.get(el.length - 1) as Y.XmlElement).nodeName !== "paragraph") {
        el = el.get(el.length - 1) as Y.XmlElement;
      }
      return el;
    };
    // Build to depth 31 in small steps (each update valid on its own).
    send(server, clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).insert(0, [new Y.XmlElement("bulletList")])));
    let depth = 1;
    while (depth < 31) {
      const res = send(server, clientUpdates(server, (c) => {
        const list = chain(c);
        const item = new Y.XmlElement("listItem");
        item.insert(0, [paragraph("x"), new Y.XmlElement("bulletList")]);
        list.insert(0, [item]);
      }));
      expect(res).toEqual(["accepted"]);
      depth += 2;
    }
    const over = send(server, clientUpdates(server, (c) => {
      const list = chain(c);
      const item = new Y.XmlElement("listItem");
      item.insert(0, [paragraph("x"), new Y.XmlElement("bulletList")]);
      list.insert(0, [item]);
    }));
    expect(over).toEqual([4422]);
  });

  it("refuses updates with missing dependencies (a clock gap, an unknown origin)", () => {
    const server = serverDoc();
    const updates = clientUpdates(server, (c) => {
      const text = (c.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, "一");
      text.insert(1, "二");
    });
    expect(updates).toHaveLength(2);
    expect(verdict(server, updates[1])).toBe(4422); // the first was never sent
    expect(send(server, updates)).toEqual(["accepted", "accepted"]);
    expect(docToContent(server).text.startsWith("一二")).toBe(true);

    // B types after A's text that the server never received.
    const a = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
    const aText = () => (a.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    aText().insert(0, "甲");
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let fromB!: Uint8Array;
    b.on("update", (u: Uint8Array) => (fromB = u));
    ((b.getXmlFragment(YJS_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(1, "乙");
    expect(verdict(server, fromB)).toBe(4422);
  });

  it("refuses a garbled update as a protocol error, never touching the document", () => {
    const server = serverDoc();
    expect(() => validateUpdate(server, new Uint8Array([1, 1, 200, 1, 0, 40]))).toThrow();
    expect(docToContent(server).text).toBe("第一段。\n第二段。");
  });
});

describe("validateUpdate accepts what the editor does", () => {
  /**
   * A headless editor: ProseMirror states and commands on the editor's own schema, synced to a
   * client Y.Doc with y-tiptap's updateYFragment — the call the Collaboration extension's sync
   * plugin makes after every editor transaction.
   */
  function headlessEditor(server: Y.Doc) {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const frag = client.getXmlFragment(YJS_FIELD);
    const init = initProseMirrorDoc(frag, bodySchema());
    let state = EditorState.create({ doc: init.doc, schema: bodySchema() });
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    const undo = new Y.UndoManager(frag, { captureTimeout: 0 });
    const dispatch = (tr: Transaction) => {
      state = state.apply(tr);
      client.transact(() => updateYFragment(client, frag, state.doc, init.meta));
    };
    return {
      updates,
      client,
      run(command: (s: EditorState, d: (tr: Transaction) => void) => boolean) {
        expect(command(state, dispatch)).toBe(true);
      },
      tr(build: (s: EditorState) => Transaction) {
        dispatch(build(state));
      },
      undo() {
        undo.undo();
      },
    };
  }

  it("paragraphs, bold, lists, hard breaks, tables, deletes and undo all pass and reach the server intact", () => {
    const server = serverDoc("第一段。\n第二段。");
    const ed = headlessEditor(server);
    const s = bodySchema();
    ed.tr((st) => st.tr.insertText("新增文字", 4));
    ed.tr((st) => st.tr.setSelection(TextSelection.create(st.doc, 1, 4)));
    ed.run(toggleMark(s.marks.bold));
    ed.run(toggleMark(s.marks.italic));
    ed.tr((st) => st.tr.setSelection(TextSelection.create(st.doc, 6)));
    ed.run(splitBlock);
    ed.run(wrapInList(s.nodes.orderedList, { start: 3 }));
    ed.tr((st) => st.tr.replaceSelectionWith(s.nodes.hardBreak.create()));
    ed.tr((st) => st.tr.insertText("换行后"));
    const cell = (t: string) => s.nodes.tableCell.create(null, s.nodes.paragraph.create(null, s.text(t)));
    const table = s.nodes.table.create(null, [s.nodes.tableRow.create(null, [cell("指标"), cell("完成")])]);
    ed.tr((st) => st.tr.insert(st.doc.content.size, table));
    ed.tr((st) => {
      let pos = 0;
      st.doc.descendants((n, p) => {
        if (!pos && n.type.name === "tableCell") pos = p + 2;
      });
      return st.tr.setSelection(TextSelection.create(st.doc, pos));
    });
    ed.run(addRowAfter);
    ed.run(addColumnAfter);
    ed.tr((st) => st.tr.delete(1, 3));
    ed.tr((st) => st.tr.setSelection(TextSelection.create(st.doc, st.doc.child(0).nodeSize + 3)));
    ed.run(joinBackward);
    const typed = ed.updates.length;
    ed.undo();
    expect(ed.updates.length).toBeGreaterThan(typed);
    expect(ed.updates.length).toBeGreaterThan(10);

    expect(send(server, ed.updates).filter((v) => v !== "accepted")).toEqual([]);
    expect(docToContent(server)).toEqual(docToContent(ed.client));
    const json = JSON.stringify(docToContent(server).json);
    expect(json).toContain('"table"');
    expect(json).toContain('"hardBreak"');
    expect(json).toContain('"orderedList"');
  });

  it("accepts typing into a paragraph that a peer deleted meanwhile (the insert is dropped, not refused)", () => {
    const server = serverDoc("甲\n乙");
    const typist = new Y.Doc();
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(server));
    const empty = clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).insert(2, [new Y.XmlElement("paragraph")]));
    expect(send(server, empty)).toEqual(["accepted"]);
    empty.forEach((u) => Y.applyUpdate(typist, u));
    const typed: Uint8Array[] = [];
    typist.on("update", (u: Uint8Array) => typed.push(u));
    (typist.getXmlFragment(YJS_FIELD).get(2) as Y.XmlElement).insert(0, [new Y.XmlText("丙")]);
    expect(send(server, clientUpdates(server, (c) => c.getXmlFragment(YJS_FIELD).delete(2, 1)))).toEqual(["accepted"]);
    expect(send(server, typed)).toEqual(["accepted"]);
    expect(docToContent(server).text).toBe("甲\n乙");
  });

  it("accepts a whole rich document in one update (a client's sync step 2) and a concurrent peer's edits", () => {
    const source = serverDoc("甲\n乙\n丙");
    const server = new Y.Doc();
    expect(send(server, [Y.encodeStateAsUpdate(source)])).toEqual(["accepted"]);
    const a = clientUpdates(server, (c) => ((c.getXmlFragment(YJS_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(1, "一"));
    const b = clientUpdates(server, (c) => ((c.getXmlFragment(YJS_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(1, "二"));
    expect(send(server, [...a, ...b])).toEqual(["accepted", "accepted"]);
    expect(docToContent(server).text).toMatch(/^甲\n乙[一二]{2}\n丙$/);
  });
});
