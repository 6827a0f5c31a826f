/**
 * Socket level: a write the section does not accept is refused, not acknowledged. Real
 * collaboration server on a real database, real WebSocket clients, real review commands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { rejectedDrafts, sectionUpdates, sectionVersions } from "@/db/schema";
import { docFromUpdates, docToContent } from "@/lib/collab/content";
import {
  MESSAGE_REFUSED, MESSAGE_SAVED, MESSAGE_SECTION_STATE, MESSAGE_SYNC, isDocumentWrite, readRefused, readSectionState, type RefusedMessage,
} from "@/lib/collab/messages";
import { seedDemo } from "@/lib/demo/seed-demo";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { submitSection, withdrawSection } from "@/lib/review/commands";
import { listRejectedDrafts } from "@/lib/review/rejected-drafts";
import { principal, reload } from "@/lib/review/test-helpers";
import type { CollabServer } from "./attach";
import { demoFixture, sleep, startCollabTestServer, type CollabTestServer } from "./test-helpers";

const SECRET = "test-secret-0123456789abcdef";

/** A y-websocket client speaking Hegao's extensions, recording what the server said. */
class Client {
  readonly doc = new Y.Doc();
  sent = 0;
  saved = 0;
  refused: RefusedMessage[] = [];
  states: { state: string; writable: boolean }[] = [];
  /** Sync sub-types received, in order ("0" = sync step 1 from the server). */
  syncTypes: number[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.onMessage(new Uint8Array(data as Buffer)));
    this.doc.on("update", (u: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.writeUpdate(enc, u);
      this.send(encoding.toUint8Array(enc));
    });
  }
  static open(url: string, headers: Record<string, string>): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const c = new Client(ws);
      ws.on("open", () => {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(enc, c.doc);
        c.send(encoding.toUint8Array(enc));
        resolve(c);
      });
      ws.on("error", reject);
    });
  }
  send(frame: Uint8Array) {
    if (isDocumentWrite(frame)) this.sent++;
    this.ws.send(frame);
  }
  private onMessage(frame: Uint8Array) {
    const dec = decoding.createDecoder(frame);
    const type = decoding.readVarUint(dec);
    if (type === MESSAGE_SYNC) {
      this.syncTypes.push(decoding.peekVarUint(dec));
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(dec, enc, this.doc, this);
      if (encoding.length(enc) > 1) this.send(encoding.toUint8Array(enc));
    } else if (type === MESSAGE_SAVED) this.saved = Math.max(this.saved, decoding.readVarUint(dec));
    else if (type === MESSAGE_REFUSED) this.refused.push(readRefused(dec));
    else if (type === MESSAGE_SECTION_STATE) this.states.push(readSectionState(dec));
  }
  /** Appends a paragraph with `text` (one update sent). */
  type(text: string) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    const frag = this.doc.getXmlFragment(YJS_FIELD);
    frag.insert(frag.length, [p]);
  }
  /** Replaces the body with one paragraph of `text` (one update sent). */
  replace(text: string) {
    const frag = this.doc.getXmlFragment(YJS_FIELD);
    this.doc.transact(() => {
      frag.delete(0, frag.length);
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      frag.insert(0, [p]);
    });
  }
  get text() {
    return docToContent(this.doc).text;
  }
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(10);
  }
}

describe.each(testDbTargets())("refused writes on $name", (target) => {
  let handle: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  let running: CollabTestServer;
  let collab: CollabServer;
  let origin: string;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    fx = await demoFixture(handle.db);
    running = await startCollabTestServer(handle.db, SECRET, { unloadAfterMs: 60_000 });
    ({ collab, origin } = running);
  });
  afterAll(async () => {
    await running?.close();
    await handle?.close();
  });

  const connect = async (userId: string) =>
    Client.open(`${origin.replace("http", "ws")}/collab/${fx.section.id}?ext=1`, {
      origin, cookie: `next-auth.session-token=${await encode({ token: { sub: userId }, secret: SECRET })}`,
    });
  const storedText = async () =>
    docToContent(docFromUpdates((await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, fx.section.id))).map((r) => r.update))).text;

  it("refuses an update from a connection that may no longer write: 102, no 101 for it, a rejected draft, nothing stored", async () => {
    const editor = await connect(fx.dqb1.id);
    const reviewer = await connect(fx.reviewer.id);
    await until(() => editor.states.at(-1)?.writable === true && editor.saved >= 1 && reviewer.saved >= 1);
    editor.replace("上半年发展党员5名。");
    await until(() => editor.saved === editor.sent);
    expect(reviewer.refused).toEqual([]); // a read-only client's answer to sync step 1 is no write

    const s = await reload(handle.db, fx.section.id);
    await submitSection(handle.db, { sectionId: s.id, version: s.version, actor: await principal(handle.db, "dqb1") });
    await until(() => editor.states.at(-1)?.writable === false);
    const savedBefore = editor.saved;
    editor.type("审核中偷偷写的一句。");
    const count = editor.sent;
    await until(() => editor.refused.length === 1);
    expect(editor.refused[0]).toEqual({ count, code: 4403, reason: "章节审核中，当前不可编辑" });
    await sleep(300); // well past the saver's batch window and the group commit
    expect(editor.saved).toBe(savedBefore);
    expect(editor.saved).toBeLessThan(count);

    expect(await storedText()).toBe("上半年发展党员5名。");
    const [frozen] = await handle.db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, fx.section.id));
    expect(frozen.text).toBe("上半年发展党员5名。");
    const drafts = await handle.db.select().from(rejectedDrafts).where(eq(rejectedDrafts.sectionId, fx.section.id));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ userId: fx.dqb1.id, reason: "locked", text: "上半年发展党员5名。\n审核中偷偷写的一句。" });
    expect(drafts[0].update?.length).toBeGreaterThan(0);

    // Regaining write access pulls nothing: the refused sentence does not come back.
    const syncBefore = editor.syncTypes.length;
    const s2 = await reload(handle.db, fx.section.id);
    await withdrawSection(handle.db, { sectionId: s2.id, version: s2.version, actor: await principal(handle.db, "dqb1") });
    await until(() => editor.states.at(-1)?.writable === true);
    await sleep(200);
    expect(editor.syncTypes.slice(syncBefore)).not.toContain(syncProtocol.messageYjsSyncStep1);
    expect(collab.rooms.get(fx.section.id)!.doc.getXmlFragment(YJS_FIELD).toString()).not.toContain("偷偷");
    expect(await storedText()).toBe("上半年发展党员5名。");

    // That connection's copy builds on the refused edit: its later writes are refused too.
    editor.type("基于被拒内容的修改。");
    await until(() => editor.refused.length === 2);
    expect(editor.refused[1]).toMatchObject({ count: editor.sent, code: 4403 });
    // Starting over from the server's copy (what Hegao's client does on 102), writing works.
    editor.ws.close();
    const fresh = await connect(fx.dqb1.id);
    await until(() => fresh.states.at(-1)?.writable === true && fresh.saved >= 1);
    expect(fresh.text).toBe("上半年发展党员5名。");
    fresh.type("撤回后补充。");
    await until(() => fresh.saved === fresh.sent);
    expect(fresh.refused).toEqual([]);
    expect(await storedText()).toBe("上半年发展党员5名。\n撤回后补充。");
    const drafts2 = await handle.db.select().from(rejectedDrafts).where(eq(rejectedDrafts.sectionId, fx.section.id));
    expect(drafts2).toHaveLength(1); // the second refusal of that connection merged into the same draft
    fresh.ws.close();
    reviewer.ws.close();

    // The section's editors, reviewers and admins see it; other departments do not.
    const listed = await listRejectedDrafts(handle.db, fx.section.id, await principal(handle.db, "dqb2"));
    expect(listed).toEqual([expect.objectContaining({ authorName: "李明", reason: "locked", reasonLabel: expect.stringContaining("锁定") })]);
    expect(listed[0].text).toContain("审核中偷偷写的一句。");
    expect(await listRejectedDrafts(handle.db, fx.section.id, await principal(handle.db, "reviewer"))).toHaveLength(1);
    await expect(listRejectedDrafts(handle.db, fx.section.id, await principal(handle.db, "jjs1"))).rejects.toMatchObject({ code: "forbidden" });
  });
});
