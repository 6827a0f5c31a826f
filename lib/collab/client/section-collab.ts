/**
 * The browser side of one section's collaboration: the Y.Doc, its IndexedDB copy (offline
 * edits survive a dropped connection and a reload), and the y-websocket provider connected to
 * `/collab/<sectionId>` with Hegao's own messages (100 state, 101 saved, 102 refused). Exposes
 * a snapshot for `useSyncExternalStore` and announces state changes to the page as a
 * `hegao:section-state` window event (the review sidebar listens).
 *
 * On a refusal (102) it stops at once: disconnects (nothing more is sent), turns read-only,
 * says 修改未被接受, and tells the owner (`onRefused`), who discards this copy
 * (`discardLocalCopy`: the IndexedDB copy is deleted) and starts over from the server's, so the
 * refused edits — kept aside by the server as a rejected draft — cannot come back later.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import {
  EXTENSIONS_PARAM, MESSAGE_REFUSED, MESSAGE_SAVED, MESSAGE_SECTION_STATE, readRefused, readSectionState, type RefusedMessage,
} from "@/lib/collab/messages";
import { CLOSE_CODES, closeCodeMessage } from "@/lib/collab/close-codes";
import { countingWebSocket, type CountingSocket } from "./counting-websocket";
import { saveStatus, type SaveStatus } from "./save-status";
import { FAILURES_BEFORE_CHECK, sessionEnded } from "./session-check";

/** Close codes after which this copy is discarded and the server's loaded afresh. */
const RESET_CLOSE_CODES: readonly number[] = [CLOSE_CODES.sectionRestored, CLOSE_CODES.invalidUpdate, CLOSE_CODES.updateTooLarge];

export interface Peer {
  clientId: number;
  name: string;
  /** The person's caret colour (lib/collab/person-color). */
  color: string;
  /** The department's colour, `#rrggbb`. */
  deptColor: string;
  self: boolean;
}

export interface CollabSnapshot {
  status: SaveStatus;
  /** The section's review state as the server last said (initially from the page). */
  state: string;
  /** May this connection write (last word of the server; false until told). */
  writable: boolean;
  /** The document has been loaded once (from the server or IndexedDB): safe to edit. */
  ready: boolean;
  peers: Peer[];
  /** The sign-in session ended: reconnecting stopped until the user signs in again. */
  signedOut: boolean;
}

export interface SectionCollabOptions {
  sectionId: string;
  userId: string;
  /** `color`: the person's caret colour; `deptColor`: the department's (presence ring). */
  user: { name: string; color: string; deptColor: string };
  initialState: string;
  /** ws(s)://host/collab; defaults to the page's own origin. */
  serverUrl?: string;
  /** The server refused a write of this copy (called once, after this copy stopped sending). */
  onRefused?: (refusal: RefusedMessage) => void;
}

/** The IndexedDB name of a section's local copy for an account. */
export const localCopyName = (sectionId: string, userId: string) => `hegao:${sectionId}:${userId}`;

/** Longest wait for the local copy's deletion (another tab may hold it open), ms. */
const DISCARD_TIMEOUT_MS = 3000;

export class SectionCollab {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly idb: IndexeddbPersistence;
  private listeners = new Set<() => void>();
  private snapshot: CollabSnapshot;
  /** What the server said on the current socket (null: not yet, or disconnected). */
  private writable: boolean | null = null;
  /** The server's last word on any socket: offline and while reconnecting, editing goes on. */
  private lastWritable = false;
  private state: string;
  private everConnected = false;
  private everSynced = false;
  private failures = 0;
  private signedOut = false;
  private refusal: RefusedMessage | null = null;
  private destroyed = false;

  constructor(private readonly opts: SectionCollabOptions) {
    this.state = opts.initialState;
    this.idb = new IndexeddbPersistence(localCopyName(opts.sectionId, opts.userId), this.doc);
    this.idb.on("synced", () => this.update());
    const url = opts.serverUrl ?? `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    this.provider = new WebsocketProvider(url, opts.sectionId, this.doc, {
      connect: false,
      disableBc: true, // each tab is its own connection: the server authorises and acknowledges it
      params: { [EXTENSIONS_PARAM]: "1" },
      WebSocketPolyfill: countingWebSocket(WebSocket, () => this.update()),
      maxBackoffTime: 2000,
    });
    this.provider.messageHandlers[MESSAGE_SECTION_STATE] = (_enc, dec) => this.onState(readSectionState(dec));
    this.provider.messageHandlers[MESSAGE_SAVED] = (_enc, dec) => {
      const socket = this.provider.ws as unknown as CountingSocket | null;
      if (socket) socket.saved = Math.max(socket.saved, decoding.readVarUint(dec));
      this.update();
    };
    this.provider.messageHandlers[MESSAGE_REFUSED] = (_enc, dec) => this.onRefused(readRefused(dec));
    this.provider.on("connection-close", (event: CloseEvent | null) => {
      // The server says this copy cannot go on (restored section, invalid or oversized update):
      // handled like a refused write — discarded, and the server's text loaded afresh.
      const code = event?.code ?? 0;
      if (RESET_CLOSE_CODES.includes(code)) {
        this.onRefused({ count: 0, code, reason: closeCodeMessage(code) ?? "连接被服务器关闭" });
        return;
      }
      void this.onConnectionFailed();
    });
    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.everConnected = true;
        this.failures = 0;
      }
      if (status !== "connected") this.writable = null; // the server tells again on reconnect
      this.update();
    });
    this.provider.on("sync", (synced: boolean) => {
      if (synced) this.everSynced = true;
      this.update();
    });
    this.provider.awareness.setLocalStateField("user", opts.user); // the server overwrites it with the signed-in account anyway
    this.provider.awareness.on("change", () => this.update());
    this.snapshot = this.compute();
    this.provider.connect();
  }

  /** After a few failed reconnects, stops retrying when the session is what ended. */
  private async onConnectionFailed(): Promise<void> {
    if (this.provider.wsconnected || this.signedOut) return;
    if (++this.failures < FAILURES_BEFORE_CHECK || this.failures % FAILURES_BEFORE_CHECK !== 0) return;
    if (await sessionEnded()) {
      this.signedOut = true;
      this.provider.disconnect(); // edits stay in IndexedDB; they sync after signing in again
      this.update();
    }
  }

  private onRefused(refusal: RefusedMessage): void {
    const socket = this.provider.ws as unknown as CountingSocket | null;
    if (socket) socket.refused++;
    if (this.refusal) return;
    this.refusal = refusal;
    this.writable = false;
    this.lastWritable = false;
    // Nothing more from this copy: whatever it sends next may build on the refused edit.
    // Deferred: y-websocket is still inside this socket's message handler.
    queueMicrotask(() => this.provider.disconnect());
    this.update();
    this.opts.onRefused?.(refusal);
  }

  private onState(msg: { state: string; writable: boolean }): void {
    if (this.refusal) return; // this copy stays read-only until it is discarded
    const changed = msg.state !== this.state || msg.writable !== this.writable;
    this.state = msg.state;
    this.writable = msg.writable;
    this.lastWritable = msg.writable;
    if (changed) {
      window.dispatchEvent(
        new CustomEvent("hegao:section-state", { detail: { sectionId: this.opts.sectionId, state: msg.state, writable: msg.writable } }),
      );
    }
    this.update();
  }

  private compute(): CollabSnapshot {
    const socket = this.provider.ws as unknown as CountingSocket | null;
    const status = saveStatus({
      connected: this.provider.wsconnected,
      synced: this.provider.synced,
      writable: this.writable,
      everConnected: this.everConnected,
      sent: socket?.sent ?? 0,
      saved: socket?.saved ?? 0,
      refused: this.refusal ? Math.max(1, socket?.refused ?? 0) : 0,
    });
    const peers: Peer[] = [];
    this.provider.awareness.getStates().forEach((s, clientId) => {
      const user = s.user as { name?: string; color?: string; deptColor?: string } | undefined;
      if (user?.name) {
        const color = user.color ?? "#64748b";
        peers.push({ clientId, name: user.name, color, deptColor: user.deptColor ?? color, self: clientId === this.doc.clientID });
      }
    });
    peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, "zh-CN"));
    const writable = this.writable ?? this.lastWritable;
    // Online, the editor waits for the server's copy: a fresh browser's empty local copy would
    // otherwise let people type into a blank page for a moment. Offline, the local copy is it.
    const ready = this.everSynced || (this.idb.synced && !this.provider.wsconnected);
    return { status, state: this.state, writable, ready, peers, signedOut: this.signedOut };
  }

  private update(): void {
    const next = this.compute();
    const prev = this.snapshot;
    if (
      prev.status === next.status && prev.state === next.state && prev.writable === next.writable &&
      prev.ready === next.ready && prev.signedOut === next.signedOut && JSON.stringify(prev.peers) === JSON.stringify(next.peers)
    ) return;
    this.snapshot = next;
    this.listeners.forEach((l) => l());
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore: the same object until something visible changed. */
  getSnapshot = (): CollabSnapshot => this.snapshot;

  /** Disconnects and frees everything (component unmount). Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.clear();
    this.provider.destroy();
    void this.idb.destroy();
    this.doc.destroy();
  }

  /**
   * Disconnects, deletes this account's IndexedDB copy of the section and frees everything;
   * resolves when the copy is deleted (or after 3 s when another tab keeps it open — a new
   * copy opened meanwhile waits for the deletion, IndexedDB queues it). Never rejects.
   */
  async discardLocalCopy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.clear();
    this.provider.destroy();
    const name = localCopyName(this.opts.sectionId, this.opts.userId);
    try {
      await this.idb.destroy();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, DISCARD_TIMEOUT_MS);
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    } catch {
      /* IndexedDB unavailable: nothing was kept locally */
    }
    this.doc.destroy();
  }
}
