import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { holdDuringComposition, MAX_HOLD_MS, RELEASE_AFTER_MS } from "./composition-hold";

/** A stand-in for y-websocket's provider: its sender records what would go on the wire. */
function fakeProvider(doc: Y.Doc) {
  const sent: Uint8Array[] = [];
  const provider = { _updateHandler: (u: Uint8Array, origin: unknown) => { if (origin !== provider) sent.push(u); } };
  doc.on("update", provider._updateHandler);
  return { provider: provider as unknown as WebsocketProvider, sent };
}

/** What a collaborator shows after receiving `sent`. */
const remoteText = (sent: Uint8Array[]) => {
  const d = new Y.Doc();
  sent.forEach((u) => Y.applyUpdate(d, u));
  return d.getText("t").toString();
};

describe("holdDuringComposition", () => {
  it("sends nothing of the pinyin: one merged update with the chosen word after the composition", () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    const hold = holdDuringComposition(provider, doc);
    const t = doc.getText("t");
    t.insert(0, "党建");
    expect(sent).toHaveLength(1); // not composing: sent at once

    hold.start();
    for (const step of ["z", "zh", "zhong", "zhongguo"]) {
      t.delete(2, t.length - 2);
      t.insert(2, step);
    }
    expect(sent).toHaveLength(1);
    hold.end();
    t.delete(2, t.length - 2);
    t.insert(2, "中国"); // the editor reads the chosen characters just after compositionend
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(RELEASE_AFTER_MS);
    expect(sent).toHaveLength(2);
    expect(remoteText(sent)).toBe("党建中国");
    // The merged update holds no visible pinyin for the collaborator at any point.
    expect(remoteText(sent.slice(0, 1))).toBe("党建");
    hold.destroy();
    t.insert(t.length, "。");
    expect(sent).toHaveLength(3); // the provider's own sender is back
    vi.useRealTimers();
  });

  it("applies incoming updates while composing and never echoes them", () => {
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    const hold = holdDuringComposition(provider, doc);
    hold.start();
    const other = new Y.Doc();
    other.getText("t").insert(0, "乙方");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider);
    expect(doc.getText("t").toString()).toBe("乙方");
    hold.destroy();
    expect(sent).toHaveLength(0);
  });

  it("releases by itself after a lost compositionend, and a new composition keeps holding", () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    const hold = holdDuringComposition(provider, doc);
    hold.start();
    doc.getText("t").insert(0, "a");
    hold.end();
    hold.start(); // next word begins before the release: still held
    vi.advanceTimersByTime(RELEASE_AFTER_MS * 2);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(MAX_HOLD_MS);
    expect(sent).toHaveLength(1);
    expect(hold.holding).toBe(false);
    vi.useRealTimers();
  });
});
