import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { asc, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections, sectionUpdates } from "@/db/schema";
import { docToContent } from "@/lib/collab/content";
import { seedDemo } from "@/lib/demo/seed-demo";
import { compactLog, loadRoom } from "./server/persistence";
import { decodeSectionLog, readSectionLog, splitFramedLog } from "./section-log";

/** The text of a doc built from `updates` applied one by one. */
const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return docToContent(doc).text;
};

describe("splitFramedLog", () => {
  it("splits length-framed updates, empty ones included", () => {
    const buf = new Uint8Array([0, 0, 0, 2, 7, 8, 0, 0, 0, 0, 0, 0, 0, 1, 9]);
    expect(splitFramedLog(buf).map((u) => [...u])).toEqual([[7, 8], [], [9]]);
  });
  it("refuses a truncated frame or header instead of returning a shorter log", () => {
    expect(() => splitFramedLog(new Uint8Array([0, 0, 0, 5, 1, 2]))).toThrow(/truncated/);
    expect(() => splitFramedLog(new Uint8Array([0, 0, 0, 1, 1, 0, 0]))).toThrow(/truncated/);
  });
  it("counts the frames as rows; an empty log is no rows", () => {
    const log = Buffer.from([0, 0, 0, 1, 5, 0, 0, 0, 0]).toString("base64");
    const decoded = decodeSectionLog({ maxId: "9", log });
    expect({ ...decoded, updates: decoded.updates.map((u) => [...u]) }).toEqual({ updates: [[5], []], rows: 2, maxId: 9 });
    expect(decodeSectionLog({ maxId: null, log: null })).toEqual({ updates: [], rows: 0, maxId: 0 });
  });
});

describe.each(testDbTargets())("one-statement log read on $name", (target) => {
  let handle: DbHandle;
  let sectionId: string;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    [{ id: sectionId }] = await handle.db.select({ id: sections.id }).from(sections).limit(1);
  });
  afterAll(() => handle?.close());

  /** The log as the old row-by-row read saw it. */
  const rowByRow = async () =>
    (await handle.db.select({ update: sectionUpdates.update }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId)).orderBy(asc(sectionUpdates.id))).map((r) => r.update);

  it("reads many small updates and deletions in log order, byte for byte, and the room opens the same text", async () => {
    const stored = await rowByRow();
    const doc = new Y.Doc();
    Y.transact(doc, () => stored.forEach((u) => Y.applyUpdate(doc, u)));
    const added: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => added.push(u));
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    p.insert(0, [text]);
    doc.getXmlFragment("default").push([p]);
    for (let i = 0; i < 300; i++) text.insert(text.length, i % 10 === 0 ? "删" : "留");
    for (let i = text.length - 1; i >= 0; i--) if (text.toString()[i] === "删") text.delete(i, 1);
    text.insert(0, "开头");
    for (let i = 0; i < added.length; i += 100) await handle.db.insert(sectionUpdates).values(added.slice(i, i + 100).map((update) => ({ sectionId, update })));

    const expected = await rowByRow();
    const log = await readSectionLog(handle.db, sectionId);
    expect(log.rows).toBe(expected.length);
    expect(log.updates.map((u) => Buffer.from(u).toString("hex"))).toEqual(expected.map((u) => Buffer.from(u).toString("hex")));
    const room = await loadRoom(handle.db, sectionId);
    expect(room!.rows).toBe(expected.length);
    const opened = textOf(room!.updates);
    expect(opened).toBe(docToContent(doc).text);
    expect(opened).toContain("开头" + "留".repeat(9));
    expect(opened).not.toContain("删");
  });

  it("reads a compacted row followed by later rows as the same text, and counts both", async () => {
    const before = textOf(await rowByRow());
    expect(await compactLog(handle.db, sectionId)).toBe(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await rowByRow())[0]);
    const later: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => later.push(u));
    const text = doc.getXmlFragment("default").get(0) as Y.XmlElement;
    text.insert(0, [new Y.XmlText("压缩之后")]);
    await handle.db.insert(sectionUpdates).values(later.map((update) => ({ sectionId, update })));
    const room = await loadRoom(handle.db, sectionId);
    expect(room!.rows).toBe(1 + later.length);
    const opened = textOf(room!.updates);
    expect(opened).toBe(docToContent(doc).text);
    expect(opened.replace("压缩之后", "")).toBe(before);
    expect((await readSectionLog(handle.db, sectionId)).maxId).toBeGreaterThan(0);
  });

  it("reads an empty log of an existing section and nothing for a missing one", async () => {
    await handle.db.delete(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
    expect(await readSectionLog(handle.db, sectionId)).toEqual({ updates: [], rows: 0, maxId: 0 });
    expect((await loadRoom(handle.db, sectionId))?.rows).toBe(0);
    expect(await loadRoom(handle.db, "no-such-section")).toBeNull();
  });
});
