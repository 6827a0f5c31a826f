import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections, sectionUpdates } from "@/db/schema";
import { docToContent, textToYjsUpdate } from "@/lib/collab/content";
import { loadSectionDoc } from "@/lib/collab/section-doc";
import { seedDemo } from "@/lib/demo/seed-demo";
import { GroupCommit } from "./group-commit";
import { compactLog, loadRoom } from "./persistence";
import { Room, type RoomDeps } from "./room";
import { RoomSaver } from "./saver";
import { Rooms } from "./rooms";
import { demoFixture, fakeConnection, sleep, typeText } from "./test-helpers";

describe.each(testDbTargets())("room persistence on $name", (target) => {
  let handle: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    fx = await demoFixture(handle.db);
  });
  afterAll(() => handle?.close());

  const rows = async (id: string) => (await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, id))).length;

  function roomDeps(compactAbove = 200): RoomDeps {
    const commits = new GroupCommit(async () => handle.db, { windowMs: 20, log: () => {} });
    return {
      load: (id) => loadRoom(handle.db, id),
      store: (id) => ({ append: (u) => commits.append(id, u), compact: () => compactLog(handle.db, id) }),
      saver: { delayMs: 40, maxRetries: 3, compactAbove },
      log: () => {},
    };
  }

  it("writes a burst of updates as one row within 200 ms, then acknowledges exactly what was sent", async () => {
    const id = fx.section.id;
    const before = await rows(id);
    const room = new Room(id, roomDeps());
    const a = fakeConnection(fx.dqb1);
    room.join(a.conn);
    await room.ready;
    const client = new Y.Doc();
    const start = Date.now();
    for (let i = 0; i < 10; i++) room.receive(a.conn, typeText(client, `第${i}段新增内容`));
    while (a.transport.lastSaved() < 10 && Date.now() - start < 2000) await sleep(5);
    expect(Date.now() - start).toBeLessThan(200);
    expect(a.transport.lastSaved()).toBe(10);
    expect(await rows(id)).toBe(before + 1);
    const text = docToContent(await loadSectionDoc(handle.db, id)).text;
    expect(text).toContain("第9段新增内容");
    expect(text).toContain("发展党员X名");
    const [row] = await handle.db.select().from(sections).where(eq(sections.id, id));
    expect(row.lastActivityAt.getTime()).toBeGreaterThanOrEqual(start - 1000);
    room.destroy();
  });

  it("compacts the log into one row once it passes the threshold, without losing text", async () => {
    const id = fx.section.id;
    const room = new Room(id, roomDeps(3));
    const a = fakeConnection(fx.dqb2);
    room.join(a.conn);
    await room.ready;
    const client = new Y.Doc();
    for (let i = 0; i < 5; i++) {
      room.receive(a.conn, typeText(client, `压缩测试${i}`));
      await room.saver.flush();
    }
    expect(await rows(id)).toBeLessThanOrEqual(3);
    await room.saver.flushAndCompact();
    expect(await rows(id)).toBe(1);
    const text = docToContent(await loadSectionDoc(handle.db, id)).text;
    for (let i = 0; i < 5; i++) expect(text).toContain(`压缩测试${i}`);
    expect(text).toContain("第9段新增内容");
    room.destroy();
  });

  it("compacts a log found past the threshold right after loading it, keeping the text", async () => {
    const id = fx.section.id;
    for (let i = 0; i < 6; i++) await handle.db.insert(sectionUpdates).values({ sectionId: id, update: textToYjsUpdate(`导入的第${i}段`) });
    expect(await rows(id)).toBeGreaterThan(3);
    const room = new Room(id, roomDeps(3));
    await room.ready;
    for (let i = 0; i < 100 && (await rows(id)) > 1; i++) await sleep(20);
    expect(await rows(id)).toBe(1);
    const text = docToContent(await loadSectionDoc(handle.db, id)).text;
    for (let i = 0; i < 6; i++) expect(text).toContain(`导入的第${i}段`);
    room.destroy();
  });

  it("flushes on request, and unloads an empty room after a while: saved, compacted, freed", async () => {
    const id = fx.section.id;
    const rooms = new Rooms({ ...roomDeps(), saver: { delayMs: 100, maxRetries: 1, compactAbove: 200 } }, 50);
    const a = fakeConnection(fx.dqb1);
    const room = rooms.join(id, a.conn);
    await room.ready;
    room.receive(a.conn, typeText(new Y.Doc(), "卸载前的内容"));
    room.receive(a.conn, typeText(new Y.Doc(), "再一段"));
    await rooms.flush(id); // the review workflow's flushSection before freezing a version
    expect(docToContent(await loadSectionDoc(handle.db, id)).text).toContain("卸载前的内容");
    expect(await rows(id)).toBeGreaterThan(1);
    rooms.leave(room, a.conn);
    expect(rooms.get(id)).toBe(room);
    for (let i = 0; i < 100 && rooms.get(id); i++) await sleep(20);
    expect(rooms.get(id)).toBeUndefined();
    expect(await rows(id)).toBe(1);
    expect(docToContent(await loadSectionDoc(handle.db, id)).text).toContain("再一段");
  });

  it("keeps a failed batch, retries it, and acknowledges only after it is written", async () => {
    let failures = 2;
    const written: Uint8Array[] = [];
    const logs: string[] = [];
    const saver = new RoomSaver(
      {
        append: async (u) => {
          if (failures-- > 0) throw new Error("database unavailable");
          written.push(u);
        },
        compact: async () => 1,
      },
      { delayMs: 5, maxRetries: 5, compactAbove: 200, log: (m) => logs.push(m) },
    );
    const acks: number[] = [];
    const target = { ackSaved: (n: number) => acks.push(n) };
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => saver.add(u, target, acks.length + written.length + 1));
    doc.getText("t").insert(0, "甲");
    await sleep(20);
    expect(acks).toEqual([]);
    doc.getText("t").insert(1, "乙");
    for (let i = 0; i < 100 && !acks.length; i++) await sleep(20);
    expect(written).toHaveLength(1);
    expect(acks.length).toBe(1);
    expect(logs.some((l) => l.includes("save failed"))).toBe(true);
    const check = new Y.Doc();
    Y.applyUpdate(check, written[0]);
    expect(check.getText("t").toString()).toBe("甲乙");
  });
});
