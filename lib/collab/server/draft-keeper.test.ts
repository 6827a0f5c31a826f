import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { textToYjsUpdate } from "@/lib/collab/content";
import { YJS_FIELD } from "@/lib/editor/extensions";
import type { DraftRow } from "@/lib/review/rejected-drafts";
import { DraftKeeper, type DraftKeeperOptions } from "./draft-keeper";
import { sleep } from "./test-helpers";

function setup(opts: Partial<DraftKeeperOptions> = {}, failing = false) {
  const rows: DraftRow[] = [];
  const logs: string[] = [];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, textToYjsUpdate("原有内容"));
  const keeper = new DraftKeeper("s1", doc, {
    insert: async (row) => {
      if (failing) throw new Error("section deleted");
      return String(rows.push({ ...row }));
    },
    update: async (id, patch) => void Object.assign(rows[Number(id) - 1], patch),
  }, { windowMs: 10_000, rewriteMs: 5, maxBytes: 2 * 1024 * 1024, log: (m) => logs.push(m), ...opts });
  return { doc, keeper, rows, logs };
}

/** An update appending a paragraph with `text` to a copy of `doc`. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  copy.getXmlFragment(YJS_FIELD).insert(1, [p]);
  return Y.encodeStateAsUpdate(copy, before);
}

describe("DraftKeeper", () => {
  it("stores the author's text on a scratch copy and never touches the room's document", async () => {
    const { doc, keeper, rows } = setup();
    keeper.keep({}, "u1", "locked", edit(doc, "被拒绝的一句"));
    await sleep(10);
    expect(rows).toEqual([expect.objectContaining({ sectionId: "s1", userId: "u1", reason: "locked", text: "原有内容\n被拒绝的一句" })]);
    expect(doc.getXmlFragment(YJS_FIELD).length).toBe(1);
  });

  it("stores an empty text and the update when the draft cannot be rendered", async () => {
    const { keeper, rows } = setup();
    const bad = new Y.Doc();
    bad.getArray(YJS_FIELD).insert(0, [1]); // wrong root type: the 22-byte update
    const update = Y.encodeStateAsUpdate(bad);
    keeper.keep({}, "u1", "invalid", update);
    await sleep(10);
    expect(rows).toHaveLength(1);
    expect(rows[0].text).toBe("");
    expect(rows[0].update).toEqual(update);
  });

  it("opens one row per connection per window and stops merging at the size cap", async () => {
    const { doc, keeper, rows, logs } = setup({ windowMs: 600, maxBytes: 200 });
    const conn = {};
    keeper.keep(conn, "u1", "locked", edit(doc, "第一句"));
    keeper.keep(conn, "u1", "locked", edit(doc, "第二句"));
    keeper.keep({}, "u2", "locked", edit(doc, "另一个人"));
    await sleep(60);
    expect(rows.map((r) => r.userId)).toEqual(["u1", "u2"]);
    expect(rows[0].text).toContain("第二句");
    keeper.keep(conn, "u1", "locked", edit(doc, "很长的一句".repeat(20)));
    await sleep(60);
    expect(rows[0].text).not.toContain("很长的一句");
    expect(logs.some((l) => l.includes("size cap"))).toBe(true);
    await sleep(600);
    keeper.keep(conn, "u1", "locked", edit(doc, "窗口之后"));
    await sleep(60);
    expect(rows).toHaveLength(3);
    expect(rows[2].text).toBe("原有内容\n窗口之后");
    expect(rows[0].update!.length).toBeLessThanOrEqual(200);
  });

  it("logs a failed write instead of throwing into the room", async () => {
    const { doc, keeper, logs } = setup({}, true);
    expect(() => keeper.keep({}, "u1", "locked", edit(doc, "无处可存"))).not.toThrow();
    await sleep(10);
    expect(logs).toContain("could not keep a rejected draft");
  });
});
