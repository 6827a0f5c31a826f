/**
 * Test support for cluster tests: a y-websocket client speaking Hegao's extensions over a real
 * socket (document, saved acks, state messages, awareness), and probes that tell whether the
 * local PostgreSQL and Redis answer (cluster tests are skipped otherwise).
 */
import net from "node:net";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import { docToContent } from "@/lib/collab/content";
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SECTION_STATE, MESSAGE_SYNC, isDocumentWrite, readSectionState } from "@/lib/collab/messages";
import { YJS_FIELD } from "@/lib/editor/extensions";

/** PostgreSQL of the cluster tests (TEST_DATABASE_URL, else the local server's `test`). */
export const CLUSTER_PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Redis of the cluster tests (TEST_REDIS_URL, else the local server). */
export const CLUSTER_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** True when a TCP connection to the URL's host and port opens within 500 ms. */
export function answers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port) }, () => (s.destroy(), resolve(true)));
    s.setTimeout(500, () => (s.destroy(), resolve(false)));
    s.on("error", () => resolve(false));
  });
}

export class TestClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  sent = 0;
  saved = 0;
  states: { state: string; writable: boolean }[] = [];
  closeCode: number | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.onMessage(new Uint8Array(data as Buffer)));
    ws.on("close", (code) => (this.closeCode = code));
    this.doc.on("update", (u: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.writeUpdate(enc, u);
      this.send(encoding.toUint8Array(enc));
    });
  }

  /** Opens `/collab/<sectionId>?ext=1` on `origin` as `userId`; resolves once greeted (message 100). */
  static async open(origin: string, secret: string, userId: string, sectionId: string): Promise<TestClient> {
    const cookie = `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
    const ws = new WebSocket(`${origin.replace("http", "ws")}/collab/${sectionId}?ext=1`, { headers: { origin, cookie } });
    const c = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.on("open", () => {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(enc, c.doc);
        c.send(encoding.toUint8Array(enc));
      });
      ws.on("message", () => c.states.length && resolve());
      ws.on("error", reject);
      ws.on("unexpected-response", (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    return c;
  }

  send(frame: Uint8Array): void {
    if (isDocumentWrite(frame)) this.sent++;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  private onMessage(frame: Uint8Array): void {
    const dec = decoding.createDecoder(frame);
    const type = decoding.readVarUint(dec);
    if (type === MESSAGE_SYNC) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(dec, enc, this.doc, this);
      if (encoding.length(enc) > 1) this.send(encoding.toUint8Array(enc));
    } else if (type === MESSAGE_SAVED) this.saved = Math.max(this.saved, decoding.readVarUint(dec));
    else if (type === MESSAGE_SECTION_STATE) this.states.push(readSectionState(dec));
    else if (type === MESSAGE_AWARENESS) awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(dec), this);
  }

  /** Appends a paragraph with `text` (one update sent). */
  type(text: string): void {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    const frag = this.doc.getXmlFragment(YJS_FIELD);
    frag.insert(frag.length, [p]);
  }

  /** Replaces the body with one paragraph of `text` (one update sent). */
  replace(text: string): void {
    const frag = this.doc.getXmlFragment(YJS_FIELD);
    this.doc.transact(() => {
      frag.delete(0, frag.length);
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      frag.insert(0, [p]);
    });
  }

  /** Publishes this client's presence under `clientId` (default its own) with `cursor: null`. */
  announce(clientId = this.doc.clientID): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_AWARENESS);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, Date.now() % 1_000_000);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: "x", color: "#000000" }, cursor: null }));
    encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner));
    this.send(encoding.toUint8Array(enc));
  }

  /** The plain text of the client's copy. */
  get text(): string {
    return docToContent(this.doc).text;
  }

  close(): void {
    this.ws.close();
  }
}
