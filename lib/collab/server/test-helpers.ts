/**
 * Helpers for the collaboration server's unit tests: fake transports that record frames,
 * a y-protocols client side to produce real frames, the demo fixture on a test database, and a
 * collaboration server on a real HTTP port.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sections, users } from "@/db/schema";
import {
  MESSAGE_AWARENESS, MESSAGE_REFUSED, MESSAGE_SAVED, MESSAGE_SECTION_STATE, MESSAGE_SYNC, readRefused, readSectionState, type RefusedMessage,
} from "@/lib/collab/messages";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { Connection, type CollabUser } from "./connection";
import { loadCollabUser } from "./authenticate-upgrade";
import { createCollabServer, type CollabServer } from "./attach";
import type { CollabOptions } from "./options";
import type { ConnectionLimits } from "./connection-limit";
import type { Fanout } from "./fanout/types";

/** A transport that records what the server sent and how it closed. */
export class FakeTransport {
  frames: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  send(data: Uint8Array) {
    this.frames.push(data);
  }
  close(code: number, reason: string) {
    this.closedWith = { code, reason };
  }
  /** Types of the frames sent so far (sync frames as "0/<sub>"). */
  types(): string[] {
    return this.frames.map((f) => {
      const d = decoding.createDecoder(f);
      const t = decoding.readVarUint(d);
      return t === MESSAGE_SYNC ? `0/${decoding.readVarUint(d)}` : String(t);
    });
  }
  /** The last saved-ack count (message 101), or 0. */
  lastSaved(): number {
    let n = 0;
    for (const f of this.frames) {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) === MESSAGE_SAVED) n = decoding.readVarUint(d);
    }
    return n;
  }
  /** Every refusal (message 102) so far. */
  refused(): RefusedMessage[] {
    const out: RefusedMessage[] = [];
    for (const f of this.frames) {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) === MESSAGE_REFUSED) out.push(readRefused(d));
    }
    return out;
  }
  /** The last section-state message (100), if any. */
  lastState() {
    let s: ReturnType<typeof readSectionState> | undefined;
    for (const f of this.frames) {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) === MESSAGE_SECTION_STATE) s = readSectionState(d);
    }
    return s;
  }
  /** Applies every sync frame to `doc` (what a client would see). */
  applyTo(doc: Y.Doc): void {
    for (const f of this.frames) {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) !== MESSAGE_SYNC) continue;
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, "server");
    }
  }
}

/** A connection with a fake transport. */
export function fakeConnection(user: CollabUser, extensions = true): { conn: Connection; transport: FakeTransport } {
  const transport = new FakeTransport();
  return { conn: new Connection(user, transport, extensions), transport };
}

/** A sync update frame that inserts `text` at the start of the body of `doc` (a client doc). */
export function typeText(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const on = (u: Uint8Array) => (captured = u);
  doc.on("update", on);
  const frag = doc.getXmlFragment(YJS_FIELD);
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  frag.insert(0, [p]);
  doc.off("update", on);
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, captured!);
  return encoding.toUint8Array(enc);
}

/** An awareness frame of `awareness`'s local state. */
export function awarenessFrame(awareness: awarenessProtocol.Awareness): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(enc);
}

/** The demo section （二）夯实基层基础… (党群工作部) and the demo accounts as collab users. */
export async function demoFixture(db: Db) {
  const [section] = await db.select().from(sections).where(and(like(sections.title, "夯实基层基础%")));
  const user = async (username: string) => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return (await loadCollabUser(db, row.id))!;
  };
  return {
    section,
    dqb1: await user("dqb1"),
    dqb2: await user("dqb2"),
    jjs1: await user("jjs1"),
    reviewer: await user("reviewer"),
  };
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A collaboration server on a real HTTP server on 127.0.0.1 (a free port), for socket tests. */
export interface CollabTestServer {
  collab: CollabServer;
  /** `http://127.0.0.1:<port>`: the app origin the server checks Origin against. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts `createCollabServer` on a fresh HTTP server bound to 127.0.0.1 (free port) with `db`,
 * the test `secret` and `opts` (e.g. `unloadAfterMs`, limits); `close()` flushes the rooms and
 * stops both servers.
 */
export async function startCollabTestServer(
  db: Db,
  secret: string,
  opts: Partial<CollabOptions> & { fanout?: Fanout; connectionLimits?: ConnectionLimits } = {},
): Promise<CollabTestServer> {
  const server = http.createServer((_, res) => res.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const collab = createCollabServer(server, { origin, secret, db: async () => db, ...opts });
  server.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
  return {
    collab,
    origin,
    async close() {
      await collab.close();
      server.close();
    },
  };
}

/** A raw socket speaking Hegao's messages (ext=1); what it received lands in `seen`. */
export interface SocketClient {
  ws: import("ws").WebSocket;
  seen: FakeTransport;
  closeCode: number | null;
  closed: Promise<number>;
}

/**
 * Opens `/collab/<sectionId>?ext=1` on `origin` with a session cookie for `userId` signed with
 * `secret` and asks for the whole document (sync step 1 of an empty doc, as a fresh browser
 * does), so `seen.applyTo(doc)` rebuilds what that browser would show. Resolves once the server
 * greeted it (message 100), rejects with "HTTP <status>" when the upgrade is refused.
 */
export async function connectClient(origin: string, secret: string, userId: string, sectionId: string): Promise<SocketClient> {
  const { encode } = await import("next-auth/jwt");
  const { default: WebSocket } = await import("ws");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace("http", "ws")}/collab/${sectionId}?ext=1`, { headers: { origin, cookie } });
    const seen = new FakeTransport();
    let closeResolve: (code: number) => void = () => {};
    const client: SocketClient = { ws, seen, closeCode: null, closed: new Promise((r) => (closeResolve = r)) };
    ws.on("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on("error", () => {});
    ws.on("open", () => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(enc, new Y.Doc());
      ws.send(encoding.toUint8Array(enc));
    });
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

/** Polls `check` every 5 ms until true; fails after `ms` naming `what`. */
export async function waitFor(ms: number, check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(5);
  }
}
