/**
 * Issue 9, finding 4: an editor's structurally wrong update (the 22-byte getArray("default")
 * update, 10,000 nested elements, NUL in text, a frame past the 2,000,000-character cap) is
 * refused over the real socket with 4422 / 4413 — never acknowledged, never stored — and the
 * section API, the report's exports and the other editors keep working.
 */
import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { and, eq } from "drizzle-orm";
import WS from "ws";
import { openDatabase } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { EXTENSIONS_PARAM, MESSAGE_SAVED, MESSAGE_SYNC } from "@/lib/collab/messages";
import { renderSection } from "@/lib/collab/render-section";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { startServer, type RunningServer } from "../support/server";
import { apiSignIn } from "../support/auth";
import { appendParagraph, collabUrl, cookieHeader, DQB_SECTION, DWB_SECTION, docText, findSection, nodeProvider } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

/**
 * A raw socket speaking Hegao's extensions (so the server acknowledges saved writes, message
 * 101) that records the last acknowledgement and how it closed.
 */
async function attacker(url: string, sectionId: string, cookie: string) {
  const ws = new WS(`${collabUrl(url, sectionId)}?${EXTENSIONS_PARAM}=1`, { headers: { cookie, origin: url } });
  await new Promise((resolve, reject) => ws.on("open", resolve).on("unexpected-response", () => reject(new Error("refused"))));
  let saved = 0;
  const closed = new Promise<number>((r) => ws.on("close", (code) => r(code)));
  ws.on("message", (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) === MESSAGE_SAVED) saved = decoding.readVarUint(d);
  });
  const send = (update: Uint8Array) => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeUpdate(enc, update);
    ws.send(encoding.toUint8Array(enc));
  };
  return { ws, closed, send, saved: () => saved };
}

/** The update `edit` makes on a copy of `base` (a synced client's document). */
function updateOn(base: Y.Doc, edit: (doc: Y.Doc) => void, clientID?: number): { update: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  if (clientID) doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return { update: Y.encodeStateAsUpdate(doc, before), doc };
}

const BAD_CLIENTS = [2_147_483_001, 7_002, 7_003]; // the first a 5-byte varint, like Yjs's random ids

test("structurally wrong updates are refused with 4422, never saved, and the report keeps working", async ({ browser }) => {
  const editor = await browser.newContext();
  expect(await apiSignIn(editor.request, server.url, "dqb1")).toBeLessThan(400);
  const admin = await browser.newContext();
  expect(await apiSignIn(admin.request, server.url, "admin")).toBeLessThan(400);
  const { id } = await findSection(editor.request, server.url, DQB_SECTION);
  const cookie = await cookieHeader(editor);
  const peer = await nodeProvider(server.url, id, cookie);

  // 1. The 22-byte update of finding 4.
  const arrayDoc = new Y.Doc();
  arrayDoc.clientID = BAD_CLIENTS[0];
  let tiny!: Uint8Array;
  arrayDoc.on("update", (u: Uint8Array) => (tiny = u));
  arrayDoc.getArray(YJS_FIELD).insert(0, [1]);
  expect(tiny.length).toBe(22);
  // 2. 10,000 nested lists built on the real document, in one frame.
  const deep = updateOn(peer.doc, (d) =>
    d.transact(() => {
      const frag = d.getXmlFragment(YJS_FIELD);
      frag.insert(frag.length, [new Y.XmlElement("bulletList")]);
      let list = frag.get(frag.length - 1) as Y.XmlElement;
      for (let depth = 1; depth < 10_000; depth += 2) {
        list.insert(0, [new Y.XmlElement("listItem")]);
        const item = list.get(0) as Y.XmlElement;
        item.insert(0, [new Y.XmlElement("bulletList")]);
        list = item.get(0) as Y.XmlElement;
      }
    }), BAD_CLIENTS[1]).update;
  // 3. NUL inside the text (PostgreSQL text cannot hold it: submit used to fail forever).
  const nul = updateOn(peer.doc, (d) => appendParagraph(d, "违规\u0000字"), BAD_CLIENTS[2]).update;

  for (const [name, update] of [["getArray 22 bytes", tiny], ["10,000 deep", deep], ["NUL", nul]] as const) {
    const a = await attacker(server.url, id, cookie);
    a.send(update);
    expect(await a.closed, name).toBe(4422);
    expect(a.saved(), `${name} acknowledged`).toBe(0);
  }
  expect(server.log()).toMatch(/invalid update: .*ContentAny/);
  expect(server.log()).toMatch(/invalid update: nesting deeper than 32/);

  // The room and its other editors are untouched and keep working.
  appendParagraph(peer.doc, "坏更新之后照常输入");
  const second = await nodeProvider(server.url, id, cookie);
  expect(await until(() => docText(second.doc).includes("坏更新之后照常输入"))).toBe(true);
  expect(docText(second.doc)).not.toContain("违规");

  // The section API and every export of the whole report answer.
  const api = await editor.request.get(`${server.url}/api/sections/${id}`);
  expect(api.status()).toBe(200);
  const { reportId } = (await api.json()) as { reportId: string };
  for (const format of ["docx", "md", "html"]) {
    const res = await admin.request.get(`${server.url}/api/reports/${reportId}/export?format=${format}`);
    expect(res.status(), format).toBe(200);
  }
  const md = await (await admin.request.get(`${server.url}/api/reports/${reportId}/export?format=md`)).text();
  expect(md).toContain("坏更新之后照常输入");
  expect(md).not.toContain("本节内容无法读取");

  // 4. A frame that takes another section past 2,000,000 characters: 4413; the first two pass.
  const dwbCtx = await browser.newContext();
  await apiSignIn(dwbCtx.request, server.url, "dwb1");
  const dwb = await findSection(dwbCtx.request, server.url, DWB_SECTION);
  const dwbCookie = await cookieHeader(dwbCtx);
  const dwbPeer = await nodeProvider(server.url, dwb.id, dwbCookie);
  const big = await attacker(server.url, dwb.id, dwbCookie);
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(dwbPeer.doc));
  const chunk = () => {
    let u!: Uint8Array;
    const on = (x: Uint8Array) => (u = x);
    local.on("update", on);
    appendParagraph(local, "a".repeat(900_000));
    local.off("update", on);
    return u;
  };
  big.send(chunk());
  big.send(chunk());
  expect(await until(() => big.saved() === 2, 60_000), `saved ${big.saved()}\n${server.log().slice(-3000)}`).toBe(true);
  big.send(chunk());
  expect(await big.closed).toBe(4413);
  expect(big.saved()).toBe(2);

  peer.provider.destroy();
  second.provider.destroy();
  dwbPeer.provider.destroy();
  await Promise.all([editor.close(), admin.close(), dwbCtx.close()]);

  // Nothing of the refused updates is in the database.
  await server.stop();
  const handle = await openDatabase({ dataDir: server.dataDir });
  try {
    const rows = await handle.db.select().from(sectionUpdates).where(and(eq(sectionUpdates.sectionId, id)));
    const updates = rows.map((r) => r.update);
    const rendered = renderSection(updates);
    expect(rendered.ok).toBe(true);
    if (rendered.ok) expect(rendered.text).toContain("坏更新之后照常输入");
    const clients = new Set(updates.flatMap((u) => Y.decodeUpdate(u).structs.map((s) => s.id.client)));
    for (const c of BAD_CLIENTS) expect(clients.has(c)).toBe(false);
    const dwbRows = await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, dwb.id));
    const dwbText = renderSection(dwbRows.map((r) => r.update));
    expect(dwbText.ok && dwbText.text.length).toBeGreaterThan(1_800_000);
    expect(dwbText.ok && dwbText.text.length).toBeLessThan(2_000_000);
  } finally {
    await handle.close();
  }
});
