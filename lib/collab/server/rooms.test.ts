import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { MESSAGE_SYNC } from "@/lib/collab/messages";
import { textToYjsUpdate } from "@/lib/collab/content";
import type { CollabUser } from "./connection";
import { Rooms } from "./rooms";
import type { RoomDeps } from "./room";
import { fakeConnection, sleep, typeText } from "./test-helpers";

const editor: CollabUser = { id: "u1", name: "张三", role: "editor", departmentId: "d1", color: "#b91c1c" };

describe("Rooms.reload (after an admin restored the section's log)", () => {
  it("drops the room unsaved, closes its connections with 4410 (section restored), and the next join loads the new log", async () => {
    const stored: Uint8Array[] = [];
    let log = [textToYjsUpdate("坏掉之前的内容")];
    let loads = 0;
    const deps: RoomDeps = {
      load: async (id) => {
        loads++;
        return { section: { id, departmentId: "d1", state: "draft" }, updates: log, rows: log.length };
      },
      store: () => ({ append: async (u) => void stored.push(u), compact: async () => 1 }),
      saver: { delayMs: 50, maxRetries: 0, compactAbove: 200 },
      log: () => {},
    };
    const rooms = new Rooms(deps, 60_000);
    const a = fakeConnection(editor);
    const room = rooms.join("s1", a.conn);
    await room.ready;
    room.receive(a.conn, typeText(new Y.Doc(), "尚未保存的修改")); // pending in the saver (50 ms)
    log = [textToYjsUpdate("恢复后的内容")];
    rooms.reload("s1");
    expect(a.transport.closedWith).toEqual({ code: 4410, reason: "section restored" });
    expect(rooms.get("s1")).toBeUndefined();
    await sleep(120);
    expect(stored).toEqual([]); // the replaced state is never written back

    const b = fakeConnection(editor);
    const fresh = rooms.join("s1", b.conn);
    await fresh.ready;
    expect(loads).toBe(2);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    fresh.receive(b.conn, encoding.toUint8Array(step1));
    const view = new Y.Doc();
    b.transport.applyTo(view);
    expect(view.getXmlFragment("default").toString()).toContain("恢复后的内容");
    rooms.reload("unknown"); // no room: nothing happens
    await rooms.closeAll();
  });
});
