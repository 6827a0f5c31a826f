import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db, DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections, sectionUpdates } from "@/db/schema";
import { docFromUpdates, docToContent } from "@/lib/collab/content";
import { seedDemo } from "@/lib/demo/seed-demo";
import { loadSectionUpdates } from "@/lib/collab/section-doc";
import { GroupCommit } from "./group-commit";
import { YJS_FIELD } from "@/lib/editor/extensions";

/** A room-like document holding a section's stored text, and a function to add a paragraph. */
async function roomDoc(db: Db, sectionId: string) {
  const doc = docFromUpdates((await loadSectionUpdates(db, sectionId)).updates);
  const add = (text: string): Uint8Array => {
    let out: Uint8Array = new Uint8Array();
    const grab = (u: Uint8Array) => (out = u);
    doc.on("update", grab);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(YJS_FIELD).push([p]);
    doc.off("update", grab);
    return out;
  };
  return { doc, add };
}

describe.each(testDbTargets())("group commit on $name", (target) => {
  let h: DbHandle;
  let ids: string[];
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    ids = (await h.db.select({ id: sections.id }).from(sections)).map((r) => r.id).slice(0, 4);
  });
  afterAll(() => h?.close());

  it("writes the batches of several rooms in one statement and resolves each after commit", async () => {
    let statements = 0;
    const counting = new Proxy(h.db, {
      get: (t, k) => (k === "execute" ? (...a: Parameters<Db["execute"]>) => (statements++, t.execute(...a)) : Reflect.get(t, k)),
    }) as Db;
    const commits = new GroupCommit(async () => counting, { windowMs: 30, log: () => {} });
    const rooms = await Promise.all(ids.map((id) => roomDoc(h.db, id)));
    const before = await h.db.select().from(sectionUpdates);
    await Promise.all(rooms.map((r, i) => commits.append(ids[i], r.add(`第${i}个部门的新内容`))));
    expect(statements).toBe(1);
    expect((await h.db.select().from(sectionUpdates)).length).toBe(before.length + ids.length);
    for (const [i, id] of ids.entries()) {
      const text = docToContent(docFromUpdates((await loadSectionUpdates(h.db, id)).updates)).text;
      expect(text).toContain(`第${i}个部门的新内容`);
    }
  });

  it("cluster mode (ordered): one statement, each batch's row id chained from its section's previous row", async () => {
    let statements = 0;
    const counting = new Proxy(h.db, {
      get: (t, k) => (k === "execute" ? (...a: Parameters<Db["execute"]>) => (statements++, t.execute(...a)) : Reflect.get(t, k)),
    }) as Db;
    const commits = new GroupCommit(async () => counting, { windowMs: 30, log: () => {}, ordered: true });
    const [a, b] = [ids[0], ids[1]];
    const lastOf = async (id: string) =>
      Math.max(0, ...(await h.db.select({ id: sectionUpdates.id, s: sectionUpdates.sectionId }).from(sectionUpdates)).filter((r) => r.s === id).map((r) => r.id));
    const [prevA, prevB] = [await lastOf(a), await lastOf(b)];
    const ra = await roomDoc(h.db, a);
    const rb = await roomDoc(h.db, b);
    const [a1, b1, a2] = await Promise.all([
      commits.append(a, ra.add("甲一")), commits.append(b, rb.add("乙一")), commits.append(a, ra.add("甲二")),
    ]);
    expect(statements).toBe(1);
    expect(a1).toEqual({ id: expect.any(Number), prev: prevA });
    expect(b1).toEqual({ id: expect.any(Number), prev: prevB });
    expect(a2!.prev).toBe(a1!.id); // the second batch of a section follows its first
    expect(a2!.id).toBeGreaterThan(a1!.id);
    expect(await lastOf(a)).toBe(a2!.id);
    expect(docToContent(docFromUpdates((await loadSectionUpdates(h.db, a)).updates)).text).toContain("甲二");
    // A deleted section's batch fails alone; the other room's batch is written.
    const gone = commits.append("no-such-section", new Uint8Array([0, 0]));
    const ok = commits.append(b, rb.add("乙二"));
    await expect(gone).rejects.toThrow();
    expect((await ok)!.prev).toBe(b1!.id);
  });

  it("writes a batch at once on a quiet server, and starts the next transaction only when the window ends", async () => {
    const commits = new GroupCommit(async () => h.db, { windowMs: 400, log: () => {} });
    const room = await roomDoc(h.db, ids[0]);
    const t0 = performance.now();
    await commits.append(ids[0], room.add("安静时立即保存"));
    const first = performance.now() - t0;
    expect(first).toBeLessThan(200); // not the 400 ms window
    await commits.append(ids[0], room.add("窗口内的第二批"));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390); // at most one transaction per window
    const text = docToContent(docFromUpdates((await loadSectionUpdates(h.db, ids[0])).updates)).text;
    expect(text).toContain("安静时立即保存");
    expect(text).toContain("窗口内的第二批");
  });

  it("rejects every batch of a failed transaction, so each room keeps and retries its own", async () => {
    const broken = new Proxy(h.db, {
      get: (t, k) => (k === "execute" ? async () => { throw new Error("database unavailable"); } : Reflect.get(t, k)),
    }) as Db;
    const commits = new GroupCommit(async () => broken, { windowMs: 5, log: () => {} });
    const results = await Promise.allSettled([commits.append("a", new Uint8Array([0, 0])), commits.append("b", new Uint8Array([0, 0]))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
