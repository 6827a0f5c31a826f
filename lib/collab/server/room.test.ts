import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { docToContent, textToYjsUpdate } from "@/lib/collab/content";
import { MESSAGE_SYNC } from "@/lib/collab/messages";
import type { SectionState } from "@/db/schema";
import type { CollabUser } from "./connection";
import { personColor } from "@/lib/collab/person-color";
import { Room, type RoomDeps } from "./room";
import type { DraftRow } from "@/lib/review/rejected-drafts";
import { awarenessFrame, fakeConnection, sleep, typeText } from "./test-helpers";

const editor1: CollabUser = { id: "u1", name: "张三", role: "editor", departmentId: "d1", color: "#b91c1c" };
const editor2: CollabUser = { id: "u2", name: "李四", role: "editor", departmentId: "d1", color: "#b91c1c" };
const reviewer: CollabUser = { id: "u3", name: "王审核", role: "reviewer", departmentId: "d0", color: "#1d4ed8" };

function setup(state: SectionState = "draft", loadDelayMs = 0) {
  const stored: Uint8Array[] = [];
  const drafts: DraftRow[] = [];
  const deps: RoomDeps = {
    load: async (id) => {
      await sleep(loadDelayMs);
      return { section: { id, departmentId: "d1", state }, updates: [textToYjsUpdate("原有内容")], rows: 1 };
    },
    store: () => ({ append: async (u) => void stored.push(u), compact: async () => 1 }),
    saver: { delayMs: 5, maxRetries: 2, compactAbove: 200 },
    drafts: {
      insert: async (row) => String(drafts.push({ ...row })),
      update: async (id, patch) => void Object.assign(drafts[Number(id) - 1], patch),
    },
    log: () => {},
  };
  return { room: new Room("s1", deps), stored, drafts };
}

/** A client doc that asked the room for its document (sync step 1) and applied the answer. */
function syncedClient(room: Room, c: ReturnType<typeof fakeConnection>): Y.Doc {
  const doc = new Y.Doc();
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(enc, doc);
  room.receive(c.conn, encoding.toUint8Array(enc));
  c.transport.applyTo(doc);
  return doc;
}

/** A client doc synced with what the server sent on `transport`. */
function clientView(transport: { applyTo(doc: Y.Doc): void }): string {
  const doc = new Y.Doc();
  transport.applyTo(doc);
  return docToContent(doc).text;
}

describe("collaboration room", () => {
  it("never syncs a client before the document is loaded, and answers queued frames after", async () => {
    const { room } = setup("draft", 50);
    const { conn, transport } = fakeConnection(editor1);
    room.join(conn);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(enc, new Y.Doc());
    room.receive(conn, encoding.toUint8Array(enc));
    expect(transport.frames).toHaveLength(0);
    await room.ready;
    expect(transport.types()).toEqual(["0/0", "100", "0/1"]);
    expect(clientView(transport)).toBe("原有内容");
  });

  it("fans an editor's update out to the others, persists it and acknowledges it after the write", async () => {
    const { room, stored } = setup();
    const a = fakeConnection(editor1);
    const b = fakeConnection(editor2);
    room.join(a.conn);
    room.join(b.conn);
    await room.ready;
    const client = new Y.Doc();
    room.receive(a.conn, typeText(client, "新增一段"));
    room.receive(a.conn, typeText(client, "再加一段"));
    expect(clientView(b.transport)).toContain("新增一段");
    expect(a.transport.lastSaved()).toBe(0);
    await sleep(30);
    expect(stored).toHaveLength(1); // two updates merged into one batch
    expect(a.transport.lastSaved()).toBe(2);
    expect(b.transport.lastSaved()).toBe(0);
  });

  it("drops document updates from a read-only connection (reviewer) and tells it so", async () => {
    const { room, stored } = setup();
    const r = fakeConnection(reviewer);
    const e = fakeConnection(editor1);
    room.join(r.conn);
    room.join(e.conn);
    await room.ready;
    expect(r.transport.lastState()).toEqual({ state: "draft", writable: false });
    expect(e.transport.lastState()).toEqual({ state: "draft", writable: true });
    room.receive(r.conn, typeText(new Y.Doc(), "审核员伪造的文字"));
    await sleep(30);
    expect(docToContent(room.doc).text).not.toContain("伪造");
    expect(clientView(e.transport)).not.toContain("伪造");
    expect(stored).toHaveLength(0);
    expect(r.conn.closed).toBe(false);
    expect(r.transport.refused()).toEqual([{ count: 1, code: 4403, reason: "您没有编辑本章节的权限" }]);
    expect(r.transport.lastSaved()).toBe(0);
  });

  it("settles a read-only client's answer to sync step 1 that repeats what the room has, without a refusal", async () => {
    const { room, drafts } = setup("approved");
    const e = fakeConnection(editor1);
    room.join(e.conn);
    await room.ready;
    const client = syncedClient(room, e);
    expect(docToContent(client).text).toBe("原有内容");
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(enc, client, Y.encodeStateVector(room.doc));
    room.receive(e.conn, encoding.toUint8Array(enc));
    await sleep(30);
    expect(e.transport.refused()).toEqual([]);
    expect(e.transport.lastSaved()).toBe(1);
    expect(drafts).toHaveLength(0);
  });

  it("keeps refused edits aside as one draft per connection with the author's text, and refuses what builds on them", async () => {
    const { room, stored, drafts } = setup("in_review");
    const e = fakeConnection(editor1);
    room.join(e.conn);
    await room.ready;
    const client = syncedClient(room, e);
    room.receive(e.conn, typeText(client, "锁定后写的第一句"));
    room.receive(e.conn, typeText(client, "锁定后写的第二句"));
    await sleep(30);
    expect(e.transport.refused().map((r) => r.count)).toEqual([1, 2]);
    expect(e.transport.refused()[0].reason).toBe("章节审核中，当前不可编辑");
    expect(e.transport.lastSaved()).toBe(0);
    expect(stored).toHaveLength(0);
    expect(docToContent(room.doc).text).toBe("原有内容");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ userId: "u1", reason: "locked", text: "锁定后写的第一句\n原有内容" });
    room.leave(e.conn); // leaving writes the merged draft at once
    await sleep(10);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].text).toBe("锁定后写的第二句\n锁定后写的第一句\n原有内容");

    // Writable again: the same copy's next edit builds on refused text, so it is refused too.
    const again = fakeConnection(editor1);
    room.join(again.conn);
    room.receive(again.conn, typeText(client, "第三句"));
    expect(again.transport.refused()).toHaveLength(1);
    room.setState("draft");
    room.receive(again.conn, typeText(client, "重新打开后"));
    expect(again.transport.refused()).toHaveLength(2);
    expect(docToContent(room.doc).text).toBe("原有内容");
  });

  it("holds frames while a submit freezes the text; held edits are refused once the section is in review", async () => {
    const { room, stored } = setup();
    const e = fakeConnection(editor1);
    room.join(e.conn);
    await room.ready;
    const client = syncedClient(room, e);
    const release = room.holdAll();
    room.receive(e.conn, typeText(client, "冻结时到达"));
    expect(docToContent(room.doc).text).toBe("原有内容");
    room.setState("in_review");
    release();
    release(); // harmless twice
    await sleep(30);
    expect(e.transport.refused()).toEqual([{ count: 1, code: 4403, reason: "章节审核中，当前不可编辑" }]);
    expect(stored).toHaveLength(0);
    expect(e.transport.lastSaved()).toBe(0);
    // A hold whose submit failed lets the held edit through.
    const w = fakeConnection(editor2);
    room.setState("draft");
    room.join(w.conn);
    const release2 = room.holdAll();
    room.receive(w.conn, typeText(new Y.Doc(), "提交失败后保留"));
    release2();
    await sleep(30);
    expect(docToContent(room.doc).text).toContain("提交失败后保留");
    expect(w.transport.lastSaved()).toBe(1);
  });

  it("turns every connection read-only when the section leaves draft, and writable again when it returns", async () => {
    const { room } = setup();
    const e = fakeConnection(editor1);
    room.join(e.conn);
    await room.ready;
    room.setState("in_review");
    expect(e.transport.lastState()).toEqual({ state: "in_review", writable: false });
    room.receive(e.conn, typeText(new Y.Doc(), "审核中写入"));
    expect(docToContent(room.doc).text).not.toContain("审核中写入");
    const before = e.transport.frames.length;
    room.setState("changes_requested");
    expect(e.transport.lastState()).toEqual({ state: "changes_requested", writable: true });
    expect(e.transport.types().slice(before)).not.toContain("0/0"); // never pulls the client's copy
    const fresh = fakeConnection(editor1); // the client started over after the refusal
    room.join(fresh.conn);
    room.receive(fresh.conn, typeText(new Y.Doc(), "退回后修改"));
    expect(docToContent(room.doc).text).toContain("退回后修改");
  });

  it("overwrites the user of awareness states and refuses states for another account's client id", async () => {
    const { room } = setup();
    const r = fakeConnection(reviewer);
    const e = fakeConnection(editor1);
    room.join(r.conn);
    room.join(e.conn);
    await room.ready;
    const editorDoc = new Y.Doc();
    const editorAwareness = new awarenessProtocol.Awareness(editorDoc);
    editorAwareness.setLocalState({ user: { name: "张三", color: "#b91c1c" }, cursor: null });
    room.receive(e.conn, awarenessFrame(editorAwareness));
    // The reviewer claims to be 张三 under a new id, and then tries to speak for 张三's id.
    const fakeDoc = new Y.Doc();
    const fake = new awarenessProtocol.Awareness(fakeDoc);
    fake.setLocalState({ user: { name: "张三", color: "#000000" } });
    room.receive(r.conn, awarenessFrame(fake));
    const hijack = new awarenessProtocol.Awareness(new Y.Doc({ gc: true }));
    hijack.clientID = editorDoc.clientID;
    hijack.setLocalState({ user: { name: "张三" }, cursor: { anchor: 1 } });
    hijack.setLocalState({ user: { name: "张三" }, cursor: { anchor: 2 } });
    room.receive(r.conn, awarenessFrame(hijack));
    const states = room.awareness.getStates();
    // The server sets each person's own caret colour (from the account id) and the department colour.
    expect(states.get(fakeDoc.clientID)?.user).toEqual({ name: "王审核", color: personColor("u3"), deptColor: "#1d4ed8" });
    expect(states.get(editorDoc.clientID)).toEqual({ user: { name: "张三", color: personColor("u1"), deptColor: "#b91c1c" }, cursor: null });
    room.leave(r.conn);
    expect(states.has(fakeDoc.clientID)).toBe(false);
    editorAwareness.destroy();
    fake.destroy();
    hijack.destroy();
  });

  it("closes only the sender on random bytes, truncated frames and unknown types; others keep working", async () => {
    const { room } = setup();
    const good = fakeConnection(editor2);
    room.join(good.conn);
    await room.ready;
    const valid = typeText(new Y.Doc(), "正常内容");
    const bad = [
      new Uint8Array([0, 2, 0xff, 0xff, 0xff]),
      valid.slice(0, valid.length - 3),
      new Uint8Array([0, 9, 1, 2]),
      new Uint8Array([77]),
      new Uint8Array([1, 5, 1, 1, 1]),
      crypto.getRandomValues(new Uint8Array(64)).map((b, i) => (i === 0 ? 0 : i === 1 ? 2 : b)),
    ];
    for (const frame of bad) {
      const c = fakeConnection(editor1);
      room.join(c.conn);
      room.receive(c.conn, frame);
      expect(c.transport.closedWith?.code, `frame ${Array.from(frame.slice(0, 4))}`).toBe(1007);
      expect(room.conns.has(c.conn)).toBe(false);
    }
    room.receive(good.conn, valid);
    expect(good.conn.closed).toBe(false);
    expect(docToContent(room.doc).text).toContain("正常内容");
  });

  it("drops presence states with a malformed cursor or user (not applied, not forwarded) and forwards a real caret", async () => {
    const { room } = setup();
    const sender = fakeConnection(editor1);
    const other = fakeConnection(editor2);
    room.join(sender.conn);
    room.join(other.conn);
    await room.ready;
    const user = { name: "张三", color: "#b91c1c" };
    const bad: unknown[] = [
      { user, cursor: { anchor: null } }, // threw in y-prosemirror of every other browser
      { user, cursor: { anchor: null, head: null } },
      { user, cursor: 5 },
      { user, cursor: "anchor" },
      { user, cursor: { anchor: { item: { client: "x", clock: 1 } }, head: {} } },
      { user: { name: "张".repeat(65), color: "#b91c1c" } },
      { user: { name: "张三", color: "red" } },
    ];
    const forwarded = () => {
      const doc = new Y.Doc();
      const seen = new awarenessProtocol.Awareness(doc);
      for (const f of other.transport.frames.filter((x) => x[0] === 1)) {
        const d = decoding.createDecoder(f);
        decoding.readVarUint(d);
        awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(d), "server");
      }
      return seen;
    };
    for (const state of bad) {
      const a = new awarenessProtocol.Awareness(new Y.Doc());
      a.setLocalState(state as Record<string, unknown>);
      room.receive(sender.conn, awarenessFrame(a));
      expect(room.awareness.getStates().has(a.clientID), JSON.stringify(state).slice(0, 60)).toBe(false);
      expect(forwarded().getStates().has(a.clientID)).toBe(false);
      a.destroy();
    }
    expect(sender.conn.closed).toBe(false);
    // What y-prosemirror really sends: RelativePosition objects (absent parts are null).
    const clientDoc = new Y.Doc();
    const caret = new awarenessProtocol.Awareness(clientDoc);
    const anchor = Y.createRelativePositionFromTypeIndex(clientDoc.getXmlFragment("default"), 0);
    caret.setLocalState({ user, cursor: { anchor, head: Y.relativePositionToJSON(anchor) } });
    room.receive(sender.conn, awarenessFrame(caret));
    const state = forwarded().getStates().get(clientDoc.clientID);
    expect(state?.cursor.anchor).toMatchObject({ tname: "default" });
    expect(() => Y.createRelativePositionFromJSON(state?.cursor.anchor)).not.toThrow();
    caret.destroy();
  });

  it("logs at most 5 malformed-frame lines a minute per room, then one line with the number suppressed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const logs: string[] = [];
      const deps: RoomDeps = {
        load: async (id) => ({ section: { id, departmentId: "d1", state: "draft" }, updates: [], rows: 0 }),
        store: () => ({ append: async () => {}, compact: async () => 1 }),
        saver: { delayMs: 5, maxRetries: 2, compactAbove: 200 },
        log: (m) => logs.push(m),
      };
      const room = new Room("s1", deps);
      await room.ready;
      for (let i = 0; i < 40; i++) {
        const c = fakeConnection(editor1);
        room.join(c.conn);
        room.receive(c.conn, new Uint8Array([77, i]));
        expect(c.transport.closedWith?.code).toBe(1007);
      }
      expect(logs).toHaveLength(5);
      vi.advanceTimersByTime(60_000);
      expect(logs).toHaveLength(6);
      expect(logs[5]).toContain("35 more");
    } finally {
      vi.useRealTimers();
    }
  });

  it("holds a connection's frames while its access is re-decided and applies them under the new decision", async () => {
    const { room } = setup();
    const e = fakeConnection(editor1);
    const flood = fakeConnection(editor2);
    room.join(e.conn);
    room.join(flood.conn);
    await room.ready;
    room.hold(e.conn);
    room.receive(e.conn, typeText(new Y.Doc(), "改动之后才发来的"));
    expect(docToContent(room.doc).text).not.toContain("改动之后才发来的");
    room.reauthorise({ id: "s1", departmentId: "d1", state: "in_review" });
    room.release(e.conn);
    expect(docToContent(room.doc).text).not.toContain("改动之后才发来的"); // decided read-only: dropped
    // A decision that never comes cannot make the server hoard frames.
    room.hold(flood.conn);
    for (let i = 0; i < 1001; i++) room.receive(flood.conn, new Uint8Array([3]));
    expect(flood.transport.closedWith?.code).toBe(1011);
    expect(room.conns.has(flood.conn)).toBe(false);
  });
});
