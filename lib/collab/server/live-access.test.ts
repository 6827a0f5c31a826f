import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { eq, like } from "drizzle-orm";
import * as Y from "yjs";
import WebSocket from "ws";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections, users } from "@/db/schema";
import { publishAccessChange, publishSectionState } from "@/lib/collab/bus";
import { docToContent } from "@/lib/collab/content";
import { loadSectionDoc } from "@/lib/collab/section-doc";
import { seedDemo } from "@/lib/demo/seed-demo";
import { deleteSection } from "@/lib/outline/move-section";
import { assignSection } from "@/lib/outline/edit-section";
import type { CollabServer } from "./attach";
import { demoFixture, FakeTransport, sleep, typeText, startCollabTestServer, type CollabTestServer } from "./test-helpers";

const SECRET = "test-secret-0123456789abcdef";

/** A raw socket with Hegao's messages (ext=1); frames land in a FakeTransport to read them. */
interface Client {
  ws: WebSocket;
  seen: FakeTransport;
  closeCode: number | null;
  closed: Promise<number>;
}

/** Polls `check` every 5 ms; resolves with the elapsed ms, or fails after `ms`. */
async function within(ms: number, check: () => boolean | Promise<boolean>, what: string): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(5);
  }
  return Date.now() - start;
}

describe.each(testDbTargets())("live authorisation and limits on $name", (target) => {
  let handle: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  let running: CollabTestServer;
  let collab: CollabServer;
  let origin: string;
  let jjsDept: string;
  let dqbDept: string;

  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    fx = await demoFixture(handle.db);
    dqbDept = fx.dqb1.departmentId;
    jjsDept = fx.jjs1.departmentId;
    running = await startCollabTestServer(handle.db, SECRET, { unloadAfterMs: 60_000, maxConnectionsPerAddress: 30 });
    ({ collab, origin } = running);
  });
  // Each test starts from the demo facts and with no socket of an earlier test left open.
  const opened: Client[] = [];
  afterEach(async () => {
    for (const c of opened.splice(0)) c.ws.terminate();
    for (const u of [fx.dqb1, fx.dqb2, fx.jjs1, fx.reviewer]) await setUser(u.id, { disabled: false, role: u.role, departmentId: u.departmentId });
    await handle.db.update(sections).set({ state: "draft", departmentId: dqbDept }).where(eq(sections.id, fx.section.id));
    publishAccessChange({ userIds: [fx.dqb1.id, fx.dqb2.id, fx.jjs1.id, fx.reviewer.id], sectionIds: [fx.section.id] });
    await sleep(50);
  });
  afterAll(async () => {
    await running?.close();
    await handle?.close();
  });

  const cookieFor = async (userId: string, maxAge?: number) =>
    `next-auth.session-token=${await encode({ token: { sub: userId }, secret: SECRET, ...(maxAge !== undefined && { maxAge }) })}`;

  /** Opens a socket as `userId`; resolves once the server greeted it (message 100), or rejects with the HTTP status. */
  async function connect(userId: string, sectionId = fx.section.id, maxAge?: number): Promise<Client> {
    const cookie = await cookieFor(userId, maxAge);
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${origin.replace("http", "ws")}/collab/${sectionId}?ext=1`, { headers: { origin, cookie } });
      const seen = new FakeTransport();
      let closeResolve: (code: number) => void;
      const client: Client = { ws, seen, closeCode: null, closed: new Promise((r) => (closeResolve = r)) };
      opened.push(client);
      ws.on("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.on("error", () => {});
      ws.on("message", (data) => {
        seen.send(new Uint8Array(data as Buffer));
        if (seen.lastState()) resolve(client);
      });
      ws.on("close", (code) => {
        client.closeCode = code;
        closeResolve(code);
      });
    });
  }

  const roomText = (sectionId = fx.section.id) => docToContent(collab.rooms.get(sectionId)!.doc).text;
  const storedText = async (sectionId: string) => docToContent(await loadSectionDoc(handle.db, sectionId)).text;
  const setUser = (id: string, set: Partial<typeof users.$inferInsert>) => handle.db.update(users).set(set).where(eq(users.id, id));

  it("closes a disabled editor's socket with 4403 within 1 s, and its next update is not applied", async () => {
    const editor = await connect(fx.dqb2.id);
    const other = await connect(fx.dqb1.id);
    expect(editor.seen.lastState()?.writable).toBe(true);
    await setUser(fx.dqb2.id, { disabled: true });
    publishAccessChange({ userIds: [fx.dqb2.id] });
    editor.ws.send(typeText(new Y.Doc(), "停用后发送的文字"));
    expect(await within(1000, () => editor.closeCode !== null, "closed")).toBeLessThan(1000);
    expect(editor.closeCode).toBe(4403);
    await sleep(50);
    expect(roomText()).not.toContain("停用后发送的文字");
    expect(other.closeCode).toBeNull();
    await expect(connect(fx.dqb2.id)).rejects.toThrow("HTTP 401");
    await setUser(fx.dqb2.id, { disabled: false });
    other.ws.close();
  });

  it("takes write away live when an editor becomes a reviewer, and gives it back", async () => {
    const c = await connect(fx.dqb2.id);
    expect(c.seen.lastState()).toEqual({ state: "draft", writable: true });
    await setUser(fx.dqb2.id, { role: "reviewer" });
    publishAccessChange({ userIds: [fx.dqb2.id] });
    await within(1000, () => c.seen.lastState()?.writable === false, "read-only");
    c.ws.send(typeText(new Y.Doc(), "改为审核人后的文字"));
    await sleep(100);
    expect(roomText()).not.toContain("改为审核人后的文字");
    expect(c.closeCode).toBeNull(); // a reviewer may still read
    await setUser(fx.dqb2.id, { role: "editor" });
    publishAccessChange({ userIds: [fx.dqb2.id] });
    await within(1000, () => c.seen.lastState()?.writable === true, "writable again");
    // The refused write was never acknowledged; a client that had a write refused starts over
    // on a fresh connection (its later writes could build on the refused one: refused too).
    expect(c.seen.lastSaved()).toBe(0);
    const fresh = await connect(fx.dqb2.id);
    expect(fresh.seen.lastState()).toEqual({ state: "draft", writable: true });
    fresh.ws.send(typeText(new Y.Doc(), "恢复撰稿人后的文字"));
    await within(1000, () => fresh.seen.lastSaved() >= 1, "saved");
    expect(roomText()).toContain("恢复撰稿人后的文字");
    c.ws.close();
    fresh.ws.close();
  });

  it("on reassignment closes the old department (4403) and the new department writes at once; an account moved in gains write", async () => {
    const old = await connect(fx.dqb1.id);
    const watcher = await connect(fx.reviewer.id); // keeps the room loaded
    const admin = { id: "admin", role: "admin" as const, departmentId: dqbDept };
    await assignSection(handle.db, { sectionId: fx.section.id, actor: admin, departmentId: jjsDept });
    await within(1000, () => old.closeCode !== null, "old department closed");
    expect(old.seen.lastState()?.writable).toBe(false);
    expect(old.closeCode).toBe(4403);
    const newcomer = await connect(fx.jjs1.id);
    expect(newcomer.seen.lastState()).toEqual({ state: "draft", writable: true });
    newcomer.ws.send(typeText(new Y.Doc(), "纪检监察室接手后写的"));
    await within(1000, () => newcomer.seen.lastSaved() === 1, "saved");

    // The reviewer's account is moved into 纪检监察室 as an editor: its open socket gains write.
    expect(watcher.seen.lastState()?.writable).toBe(false);
    await setUser(fx.reviewer.id, { role: "editor", departmentId: jjsDept });
    publishAccessChange({ userIds: [fx.reviewer.id] });
    await within(1000, () => watcher.seen.lastState()?.writable === true, "gains write");

    await setUser(fx.reviewer.id, { role: "reviewer", departmentId: fx.reviewer.departmentId });
    publishAccessChange({ userIds: [fx.reviewer.id] });
    await assignSection(handle.db, { sectionId: fx.section.id, actor: admin, departmentId: dqbDept });
    expect(await newcomer.closed).toBe(4403);
    await within(1000, () => watcher.seen.lastState()?.writable === false, "reviewer again");
    watcher.ws.close();
  });

  it("re-decides review state changes from the database, not from the event", async () => {
    const c = await connect(fx.dqb1.id);
    await handle.db.update(sections).set({ state: "in_review" }).where(eq(sections.id, fx.section.id));
    publishAccessChange({ sectionIds: [fx.section.id] });
    await within(1000, () => c.seen.lastState()?.state === "in_review" && c.seen.lastState()?.writable === false, "in review");
    // The event's payload is not trusted: the database says draft, so the editor writes again.
    await handle.db.update(sections).set({ state: "draft" }).where(eq(sections.id, fx.section.id));
    publishSectionState({ sectionId: fx.section.id, state: "approved" });
    await within(1000, () => c.seen.lastState()?.writable === true, "draft again");
    expect(c.seen.lastState()?.state).toBe("draft");
    c.ws.close();
  });

  it("refuses an expired session (401) and closes a live socket with 4401 when its session expires", async () => {
    await expect(connect(fx.dqb1.id, fx.section.id, -10)).rejects.toThrow("HTTP 401");
    const c = await connect(fx.dqb1.id, fx.section.id, 2);
    const start = Date.now();
    expect(await c.closed).toBe(4401);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it("refuses the 21st socket of one account (HTTP 429) and accepts it again once one closes", async () => {
    const open: Client[] = [];
    for (let i = 0; i < 20; i++) open.push(await connect(fx.dqb1.id));
    await expect(connect(fx.dqb1.id)).rejects.toThrow("HTTP 429");
    const other = await connect(fx.dqb2.id); // another account is not affected
    open[0].ws.close();
    await open[0].closed;
    await within(1000, async () => connect(fx.dqb1.id).then((c) => (open.push(c), true), () => false), "a slot again");
    // The address limit (30 here) holds across accounts.
    for (let i = 0; i < 9; i++) open.push(await connect(fx.dqb2.id));
    await expect(connect(fx.jjs1.id, fx.section.id)).rejects.toThrow("HTTP 429");
    for (const c of [...open, other]) c.ws.close();
  });

  it("closes a socket that floods frames with 4429; the room's others keep working", async () => {
    const flooder = await connect(fx.dqb1.id);
    const bystander = await connect(fx.dqb2.id);
    for (let i = 0; i < 2000 && flooder.ws.readyState === WebSocket.OPEN; i++) flooder.ws.send(new Uint8Array([3]));
    expect(await flooder.closed).toBe(4429);
    bystander.ws.send(typeText(new Y.Doc(), "洪水之后的文字"));
    await within(1000, () => bystander.seen.lastSaved() === 1, "bystander saved");
    bystander.ws.close();
  });

  it("deleting a typed-in section closes its room with 4404 within 1 s; other sections keep saving", async () => {
    const [doomed] = await handle.db.select().from(sections).where(like(sections.title, "持续加强思想政治建设%"));
    const typing = await connect(fx.dqb1.id, doomed.id);
    const healthy = await connect(fx.dqb2.id);
    typing.ws.send(typeText(new Y.Doc(), "被删除章节里的文字"));
    await deleteSection(handle.db, { sectionId: doomed.id, actor: { id: "admin", role: "admin", departmentId: dqbDept } });
    expect(await within(1000, () => typing.closeCode !== null, "closed")).toBeLessThan(1000);
    expect(typing.closeCode).toBe(4404);
    expect(collab.rooms.get(doomed.id)).toBeUndefined();
    for (let i = 1; i <= 3; i++) {
      healthy.ws.send(typeText(new Y.Doc(), `删除之后第${i}段`));
      await within(1000, () => healthy.seen.lastSaved() === i, `ack ${i}`);
    }
    expect(await storedText(fx.section.id)).toContain("删除之后第3段");
    await expect(connect(fx.dqb1.id, doomed.id)).rejects.toThrow("HTTP 404");
    healthy.ws.close();
  });
});
