/**
 * One simulated editor: a real y-websocket 3 `WebsocketProvider` in Node with `ws` as the
 * WebSocket (subclassed to send the session cookie and Origin headers, and to time document
 * writes), a Tiptap-shaped document (XmlFragment "default" → XmlElement "paragraph" → XmlText)
 * and a presence state. Roles: the room's one stamped `writer` (types `[seq@stamp]` tokens),
 * `typist` (types one character per update) and `reader` (only receives).
 * Every non-writer records when each writer token reaches its document.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import { isDocumentWrite, MESSAGE_SAVED, MESSAGE_SECTION_STATE, readSectionState } from "@/lib/collab/messages";
import { stampNow } from "../stats";

export type Role = "writer" | "typist" | "reader";

/** Where clients connect: Hegao (`ws://host/collab`, cookie, Origin, `ext=1`) or the reference. */
export interface Target {
  kind: "hegao" | "reference";
  /** Base URL; the room name is appended as a path segment. */
  serverUrl: string;
  origin?: string;
}

export interface ClientSpec {
  room: string;
  role: Role;
  cookie?: string;
  name: string;
  /** Publish a presence state (name, colour) like the editor does; false: awareness state null. */
  presence: boolean;
  /** This client's server when it differs from the load's (cluster mode: one instance per client). */
  target?: Target;
}

const TOKEN = /\[(\d+)@(\d+(?:\.\d+)?)\]/g;

/** Receives token arrivals (seq, latency ms) and durable acknowledgements (ms). */
export interface Recorder {
  arrival(room: string, seq: number, latencyMs: number): void;
  durable(ms: number): void;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  writable: boolean | null = null;
  private text: Y.XmlText | null = null;
  private writes = 0;
  private readonly sentAt = new Map<number, number>();
  private socket: WebSocket | null = null;
  seq = 0;

  constructor(readonly spec: ClientSpec, target: Target, private readonly rec: Recorder) {
    const headers: Record<string, string> = {};
    if (spec.cookie) headers.Cookie = spec.cookie;
    if (target.origin) headers.Origin = target.origin;
    const self = this;
    class BenchSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers, perMessageDeflate: false });
        self.socket = this;
        self.writes = 0; // the server counts per connection
        self.sentAt.clear();
      }
      override send(data: unknown, ...rest: unknown[]): void {
        if (self.socket === this && data instanceof Uint8Array && isDocumentWrite(data)) {
          self.writes++;
          if (self.spec.role !== "reader") self.sentAt.set(self.writes, stampNow());
        }
        (WebSocket.prototype.send as (...a: unknown[]) => void).call(this, data, ...rest);
      }
    }
    this.provider = new WebsocketProvider(target.serverUrl, spec.room, this.doc, {
      WebSocketPolyfill: BenchSocket as unknown as typeof globalThis.WebSocket,
      params: target.kind === "hegao" ? { ext: "1" } : {},
      disableBc: true, // same-process clients must talk through the server only
      maxBackoffTime: 2000,
    });
    this.provider.messageHandlers[MESSAGE_SECTION_STATE] = (_e, decoder) => {
      this.writable = readSectionState(decoder).writable;
    };
    this.provider.messageHandlers[MESSAGE_SAVED] = (_e, decoder, provider) => {
      if (provider.ws !== this.socket) return;
      this.acked(decoding.readVarUint(decoder));
    };
    if (spec.presence) this.provider.awareness.setLocalStateField("user", { name: spec.name, color: "#1d4ed8" });
    else this.provider.awareness.setLocalState(null);
    if (spec.role !== "writer") this.observe();
  }

  private acked(count: number): void {
    const now = stampNow();
    for (const [n, at] of this.sentAt) {
      if (n > count) break;
      this.rec.durable(now - at);
      this.sentAt.delete(n);
    }
  }

  /**
   * Records writer tokens as remote updates are applied. The token is ASCII inside the update's
   * bytes, so the update is scanned directly (no observer: Yjs then computes no events or deltas,
   * which keeps the generator cheap); the `update` event fires once the update is applied.
   */
  private observe(): void {
    const room = this.spec.room;
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider || update.indexOf(0x5b) < 0) return;
      const now = stampNow();
      const text = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString("latin1");
      for (const m of text.matchAll(TOKEN)) this.rec.arrival(room, Number(m[1]), now - Number(m[2]));
    });
  }

  /** Resolves when synced with the server (rejects after `timeoutMs`). */
  whenSynced(timeoutMs: number): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${this.spec.name} not synced after ${timeoutMs} ms`)), timeoutMs);
      this.provider.once("sync", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Appends this client's own paragraph to the fragment (before typing). */
  addParagraph(): void {
    const p = new Y.XmlElement("paragraph");
    this.text = new Y.XmlText();
    p.insert(0, [this.text]);
    this.doc.getXmlFragment("default").push([p]);
  }

  /** One typed update: a stamped token (writer, when `stamped`) or one character. */
  type(stamped: boolean): void {
    if (!this.text) this.addParagraph();
    const t = this.text!;
    if (stamped) t.insert(t.length, `[${++this.seq}@${stampNow().toFixed(3)}]`);
    else t.insert(t.length, "字");
  }

  /** Disconnects and frees the document. */
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
