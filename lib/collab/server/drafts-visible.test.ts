import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { docToContent } from "@/lib/collab/content";
import { seedDemo } from "@/lib/demo/seed-demo";
import { setDraftsVisible } from "@/lib/reports/set-drafts-visible";
import { principal } from "@/lib/review/test-helpers";
import {
  connectClient, demoFixture, sleep, startCollabTestServer, typeText, waitFor, type CollabTestServer, type SocketClient,
} from "./test-helpers";

const SECRET = "test-secret-drafts-visible-0123";

describe.each(testDbTargets())("各部门可查看全文草稿 at the collaboration socket on $name", (target) => {
  let h: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  let server: CollabTestServer;
  const open: SocketClient[] = [];
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    fx = await demoFixture(h.db);
    server = await startCollabTestServer(h.db, SECRET, { unloadAfterMs: 60_000 });
  });
  afterEach(() => { for (const c of open.splice(0)) c.ws.terminate(); });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });
  const connect = async (userId: string) => {
    const c = await connectClient(server.origin, SECRET, userId, fx.section.id);
    open.push(c);
    return c;
  };
  const roomText = () => docToContent(server.collab.rooms.get(fx.section.id)!.doc).text;

  it("refuses another department's editor until the setting is on; then connects read-only and drops its writes", async () => {
    const admin = await principal(h.db, "admin");
    await expect(connect(fx.jjs1.id)).rejects.toThrow("HTTP 403");
    await setDraftsVisible(h.db, { reportId: fx.section.reportId, actor: admin, visible: true });
    const reader = await connect(fx.jjs1.id);
    expect(reader.seen.lastState()).toEqual({ state: "draft", writable: false });
    const owner = await connect(fx.dqb1.id);
    expect(owner.seen.lastState()?.writable).toBe(true);
    const doc = new Y.Doc();
    await waitFor(2000, () => { reader.seen.applyTo(doc); return docToContent(doc).text.length > 0; }, "reader is served the text");
    reader.ws.send(typeText(new Y.Doc(), "其他部门偷偷写的"));
    owner.ws.send(typeText(new Y.Doc(), "本部门写的"));
    await waitFor(2000, () => roomText().includes("本部门写的"), "owner's edit applied");
    await sleep(100);
    expect(roomText()).not.toContain("其他部门偷偷写的");
    expect(reader.seen.lastSaved()).toBe(0); // never acknowledged as saved
  });

  it("closes the other department's open socket (4403) when the setting is turned off; the own department stays", async () => {
    const admin = await principal(h.db, "admin");
    await setDraftsVisible(h.db, { reportId: fx.section.reportId, actor: admin, visible: true });
    const reader = await connect(fx.jjs1.id);
    const owner = await connect(fx.dqb1.id);
    await setDraftsVisible(h.db, { reportId: fx.section.reportId, actor: admin, visible: false });
    expect(await reader.closed).toBe(4403);
    await sleep(50);
    expect(owner.closeCode).toBeNull();
  });

  it("lets only admins change the setting", async () => {
    await expect(setDraftsVisible(h.db, { reportId: fx.section.reportId, actor: await principal(h.db, "dqb1"), visible: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setDraftsVisible(h.db, { reportId: fx.section.reportId, actor: await principal(h.db, "reviewer"), visible: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setDraftsVisible(h.db, { reportId: "no-such-report", actor: await principal(h.db, "admin"), visible: true })).rejects.toMatchObject({ code: "not_found" });
  });
});
