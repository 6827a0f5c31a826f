import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyLog, concatUpdates } from "./merge-log";

/** A small seeded PRNG (mulberry32), so a failing log can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["字", "ab", "汉字测试", "😀", "a😀b", "\u00e9", ""];

/**
 * The updates a server would store for `editors` docs editing one section concurrently: typing,
 * deleting, formatting, attributes, new paragraphs, map entries; docs sync now and then (so
 * updates depend on other clients'), each doc's updates arrive in its own order.
 */
function randomLog(seed: number, editors = 3, steps = 400): Uint8Array[] {
  const rand = rng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const docs = Array.from({ length: editors }, (_, i) => new Y.Doc({ gc: i % 2 === 0 }));
  const log: Uint8Array[] = [];
  docs.forEach((d) => d.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && log.push(u)));
  for (let s = 0; s < steps; s++) {
    const d = pick(docs);
    const frag = d.getXmlFragment("default");
    const r = rand();
    if (frag.length === 0 || r < 0.08) {
      const p = new Y.XmlElement(pick(["paragraph", "heading"]));
      p.insert(0, [new Y.XmlText(pick(WORDS))]);
      frag.insert(Math.floor(rand() * (frag.length + 1)), [p]);
    } else if (r < 0.12) {
      (frag.get(Math.floor(rand() * frag.length)) as Y.XmlElement).setAttribute("level", String(Math.floor(rand() * 3)));
    } else if (r < 0.15) {
      d.getMap("meta").set(pick(["a", "b"]), pick([1, "x", null, { k: [true, 2.5] }, new Uint8Array([1, 2])]));
    } else if (r < 0.18 && frag.length > 1) {
      frag.delete(Math.floor(rand() * frag.length), 1);
    } else {
      const text = (frag.get(Math.floor(rand() * frag.length)) as Y.XmlElement).get(0) as Y.XmlText | undefined;
      if (!text) continue;
      const at = Math.floor(rand() * (text.length + 1));
      if (r < 0.7 || text.length === 0) text.insert(at, pick(WORDS), rand() < 0.1 ? { bold: true } : undefined);
      else if (r < 0.9) text.delete(Math.min(at, text.length - 1), 1 + Math.floor(rand() * 3));
      else text.format(0, Math.min(2, text.length), { italic: true });
    }
    if (rand() < 0.2) {
      const [a, b] = [pick(docs), pick(docs)];
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "sync");
    }
  }
  return log;
}

/**
 * Typing runs: each step an editor types 1–8 characters one at a time at its cursor, sometimes
 * moving it, syncing now and then — so concurrent characters land between another's characters
 * (the case where a joined string item must be split again).
 */
function typingLog(seed: number, editors = 3, steps = 150): Uint8Array[] {
  const rand = rng(seed);
  const docs = Array.from({ length: editors }, () => new Y.Doc());
  const log: Uint8Array[] = [];
  docs.forEach((d) => d.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && log.push(u)));
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText("开头")]);
  docs[0].getXmlFragment("default").push([p]);
  docs.slice(1).forEach((d) => Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[0]), "sync"));
  const cursor = docs.map(() => 1);
  for (let s = 0; s < steps; s++) {
    const e = Math.floor(rand() * editors);
    const text = (docs[e].getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    if (rand() < 0.3) cursor[e] = Math.floor(rand() * (text.length + 1));
    cursor[e] = Math.min(cursor[e], text.length);
    for (let n = 1 + Math.floor(rand() * 8); n > 0; n--) text.insert(cursor[e]++, rand() < 0.1 ? "😀" : "字");
    if (rand() < 0.1 && text.length > 2) text.delete(Math.floor(rand() * (text.length - 1)), 1);
    if (rand() < 0.4) {
      const [a, b] = [docs[Math.floor(rand() * editors)], docs[Math.floor(rand() * editors)]];
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "sync");
    }
  }
  return log;
}

/** The old load path: every update applied one by one in one transaction. */
function oneByOne(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

function joined(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  applyLog(doc, updates);
  return doc;
}

/** Same state vector, same content, same delete set (the whole encoded state). */
function expectSameDoc(a: Y.Doc, b: Y.Doc): void {
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
  expect(b.getXmlFragment("default").toString()).toBe(a.getXmlFragment("default").toString());
  expect(b.getMap("meta").toJSON()).toEqual(a.getMap("meta").toJSON());
  expect(Y.encodeStateAsUpdate(b)).toEqual(Y.encodeStateAsUpdate(a));
}

describe("concatUpdates / applyLog", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("gives the same document as applying a random log one by one (seed %i)", (seed) => {
    const log = randomLog(seed);
    expect(concatUpdates(log)).not.toBeNull();
    expectSameDoc(oneByOne(log), joined(log));
  });

  it.each([21, 22, 23, 24, 25, 26])("joins concurrent typing runs into fewer items and the same document (seed %i)", (seed) => {
    const log = typingLog(seed);
    const one = concatUpdates(log)!;
    const items = (u: Uint8Array) => Y.decodeUpdate(u).structs.length;
    expect(items(one)).toBeLessThan(log.reduce((n, u) => n + items(u), 0) / 3);
    expectSameDoc(oneByOne(log), joined(log));
  });

  it("joins a compacted state row followed by new updates", () => {
    const log = randomLog(11);
    const state = Y.encodeStateAsUpdate(oneByOne(log.slice(0, 200)));
    const rest = [state, ...log.slice(200)];
    expect(concatUpdates(rest)).not.toBeNull();
    expectSameDoc(oneByOne(rest), joined(rest));
  });

  it("joins a log whose rows of one client are out of clock order", () => {
    const log = randomLog(12);
    const shuffled = [...log.slice(100), ...log.slice(0, 100)];
    expect(concatUpdates(shuffled)).not.toBeNull();
    expectSameDoc(oneByOne(shuffled), joined(shuffled));
  });

  it("falls back to one by one when rows overlap (a resent update) or clocks are missing", () => {
    const log = randomLog(13);
    const resent = [...log, log[50]];
    expect(concatUpdates(resent)).toBeNull();
    expectSameDoc(oneByOne(resent), joined(resent));
    const gap = log.filter((_, i) => i !== 30);
    expectSameDoc(oneByOne(gap), joined(gap));
  });

  it("returns null for bytes that are not a V1 update", () => {
    expect(concatUpdates([new Uint8Array([5, 1, 2])])).toBeNull();
    expect(concatUpdates([new Uint8Array([0, 0, 7])])).toBeNull();
  });

  it("joins 20,000 typing updates into one update of the same structs", () => {
    const doc = new Y.Doc();
    const log: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => log.push(u));
    const text = new Y.XmlText();
    doc.getXmlFragment("default").push([text]);
    for (let i = 0; i < 20_000; i++) text.insert(text.length, "字");
    const one = concatUpdates(log)!;
    expect(Y.decodeUpdate(one).structs).toHaveLength(2); // the text type and ONE string item
    expectSameDoc(oneByOne(log), joined(log));
  });
});
