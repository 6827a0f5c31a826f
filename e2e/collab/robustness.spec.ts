/**
 * The stock y-websocket client (WebsocketProvider in Node, `ws` with the session cookie) is a
 * normal peer of our server; and random bytes, truncated messages and a 10 MiB frame close
 * only the sender's socket: the server stays up and the room's other clients keep working.
 */
import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { startServer, type RunningServer } from "../support/server";
import { apiSignIn } from "../support/auth";
import { appendParagraph, cookieHeader, DQB_SECTION, docText, findSection, nodeProvider, rawSocket } from "./support";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

test("y-websocket's WebsocketProvider syncs with our server, and bad frames hurt only their sender", async ({ browser }) => {
  const context = await browser.newContext();
  expect(await apiSignIn(context.request, server.url, "dqb1")).toBeLessThan(400);
  const { id } = await findSection(context.request, server.url, DQB_SECTION);
  const cookie = await cookieHeader(context);

  const a = await nodeProvider(server.url, id, cookie);
  const b = await nodeProvider(server.url, id, cookie);
  expect(docText(a.doc)).toContain("发展党员X名");
  appendParagraph(a.doc, "节点客户端写入的段落");
  expect(await until(() => docText(b.doc).includes("节点客户端写入的段落"))).toBe(true);

  const closeCode = (ws: import("ws").WebSocket) => new Promise<number>((r) => ws.on("close", (code) => r(code)));
  const valid = (() => {
    const d = new Y.Doc();
    let u: Uint8Array | null = null;
    d.on("update", (x: Uint8Array) => (u = x));
    appendParagraph(d, "截断");
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.writeUpdate(enc, u!);
    return encoding.toUint8Array(enc);
  })();
  const frames: [string, Uint8Array][] = [
    ["random update payload", crypto.getRandomValues(new Uint8Array(4096)).map((x, i) => (i === 0 ? 0 : i === 1 ? 2 : x))],
    ["unknown message type", new Uint8Array([0x55, 1, 2, 3])],
    ["truncated update", valid.slice(0, valid.length - 4)],
    ["truncated varint", new Uint8Array([0, 2, 0xff])],
    ["10 MiB", new Uint8Array(10 * 1024 * 1024).fill(7)],
  ];
  for (const [name, frame] of frames) {
    const ws = await rawSocket(server.url, id, cookie);
    const closed = closeCode(ws);
    ws.send(frame);
    const code = await closed;
    expect([1007, 1009], `${name} closed with ${code}`).toContain(code);
  }

  // The server is up, and the room's clients still exchange edits.
  expect((await fetch(`${server.url}/login`)).status).toBe(200);
  appendParagraph(b.doc, "坏帧之后仍然同步");
  expect(await until(() => docText(a.doc).includes("坏帧之后仍然同步"))).toBe(true);
  expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  a.provider.destroy();
  b.provider.destroy();
  await context.close();
});
