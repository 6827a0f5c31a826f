/**
 * One collaboration room = one section's Y.Doc, its awareness and its connections (fan-out).
 * The room is loaded from the database before any client is synced: frames that arrive while
 * it loads are queued and handled in order afterwards, so nobody is ever served an empty
 * document. Document changes go to every other connection; awareness changes to everyone.
 * Who may read and write is re-decided live from fresh facts (`reauthorise`, fed by
 * live-access.ts); a room whose section is gone closes itself with 4404 and writes nothing more.
 * A write the room does not accept is refused (`refuse`: message 102, never acknowledged) and
 * kept aside as a rejected draft; regaining write access never pulls a client's copy.
 */
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { SectionState } from "@/db/schema";
import { encodeSectionState } from "@/lib/collab/messages";
import { applyLog } from "@/lib/collab/merge-log";
import { CLOSE_CODES } from "@/lib/collab/close-codes";
import { canSection } from "@/lib/policy";
import { DRAFT_REASONS } from "@/lib/review/rejected-drafts";
import { CLOSE, Connection, type CollabUser } from "./connection";
import { LogLimiter } from "./log-limiter";
import type { LoadedRoom, RoomSection } from "./persistence";
import { awarenessMessage, handleFrame, syncStep1Message, updateMessage, type ProtocolRoom } from "./protocol";
import { ProtocolError } from "./protocol-error";
import { DRAFT_DEFAULTS, DraftKeeper, type DraftStore } from "./draft-keeper";
import { isWritable, notWritableReason } from "./readonly";
import { RoomSaver, type SaverOptions, type SaverStore } from "./saver";
import { SectionGoneError } from "./section-gone";
import { localFanout } from "./fanout/local";
import { REMOTE, RemotePresence } from "./fanout/remote-presence";
import type { Fanout, RoomChannel } from "./fanout/types";

const LOAD = Symbol("load");
/** Origin of an edit the server itself makes (a restore): broadcast to every connection. */
const SERVER_EDIT = Symbol("server-edit");
/** The (ASCII, ≤ 123 bytes) close reason per protocol error code. */
const CLOSE_REASONS: Record<number, string> = {
  [CLOSE.malformed]: "malformed message",
  [CLOSE_CODES.invalidUpdate]: "invalid update",
  [CLOSE_CODES.updateTooLarge]: "update too large",
};
/** Delay of the one-off compaction of an oversized log found at load (ms). */
const COMPACT_AFTER_LOAD_MS = 1000;
/** Frames held for one connection while its access is re-decided (≈ 3 s at the frame limit). */
const MAX_HELD_FRAMES = 1000;
/** A room-wide hold (see `holdAll`) releases itself after this long whatever happens (ms). */
const HOLD_MAX_MS = 10_000;

export interface RoomDeps {
  load(sectionId: string): Promise<LoadedRoom | null>;
  store(sectionId: string, doc: Y.Doc): SaverStore;
  saver: Omit<SaverOptions, "log">;
  /** Where refused edits are kept aside (absent: only logged — unit tests that do not care). */
  drafts?: DraftStore;
  log: (message: string, err?: unknown) => void;
  /**
   * The section turned out to be deleted (a write or a load found it gone): the room has
   * closed its connections with 4404 and discarded its batch; the owner forgets the room.
   */
  gone?(room: Room): void;
  /** Other instances (fanout/types.ts); absent: this process is the only one (localFanout). */
  fanout?: Fanout;
}

export class Room implements ProtocolRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly owners = new Map<number, Connection>();
  readonly conns = new Set<Connection>();
  readonly saver: RoomSaver;
  section: RoomSection | null = null;
  /** Resolves when the document is loaded; rejects when loading failed. */
  readonly ready: Promise<void>;
  private queue: [Connection, Uint8Array][] = [];
  /** Connections whose access is being re-decided: their frames wait (see `hold`). */
  private readonly held = new Map<Connection, Uint8Array[]>();
  private pendingSection: Partial<RoomSection> | null = null;
  /** True once the section was found deleted: the room is closed and never written again. */
  deleted = false;
  /** Lines about clients' malformed frames: at most 5 a minute for this room (log-limiter.ts). */
  private readonly clientLog: LogLimiter;
  /** Room-wide holds (`holdAll`: a submit freezing the text): every frame waits. */
  private holds = 0;
  private readonly drafts: DraftKeeper;
  /** The room's end of the fan-out to other instances (a no-op on one instance). */
  private readonly channel: RoomChannel;
  private readonly presence: RemotePresence;

  constructor(
    readonly sectionId: string,
    private readonly deps: RoomDeps,
  ) {
    this.awareness.setLocalState(null); // the server itself is nobody
    const log = (m: string, err?: unknown) => deps.log(`[collab ${sectionId}] ${m}`, err);
    this.clientLog = new LogLimiter((m) => deps.log(m));
    this.saver = new RoomSaver(deps.store(sectionId, this.doc), { ...deps.saver, log, onGone: () => this.drop() });
    const drafts: DraftStore = deps.drafts ?? {
      insert: async (row) => (log(`refused edit of ${row.userId} not kept (no draft store)`), ""),
      update: async () => {},
    };
    this.drafts = new DraftKeeper(sectionId, this.doc, drafts, { ...DRAFT_DEFAULTS, log });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD) return; // clients get the loaded state by sync, not as an update
      const msg = updateMessage(update);
      for (const c of this.conns) if (c !== origin) c.send(msg);
      // Our own edits reach other instances at once; they are stored by our saver (queued in
      // the same turn, so the batch that takes them carries their mark, fanout/types.ts).
      if (origin instanceof Connection || origin === SERVER_EDIT) this.channel.local(update);
    });
    this.presence = new RemotePresence(this.awareness, this.owners);
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const msg = awarenessMessage(this.awareness, changed);
      for (const c of this.conns) c.send(msg);
      if (origin instanceof Connection && !this.presence.isRemote(origin)) {
        const { id, name, color } = origin.user;
        this.channel.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed), { id, name, color });
      }
    });
    this.channel = (deps.fanout ?? localFanout).open(sectionId, {
      applyRemote: (update) => {
        if (!this.doc.isDestroyed) Y.applyUpdate(this.doc, update, REMOTE); // sent to every connection, not stored again
      },
      adopt: (update) => this.saver.add(update),
      applyRemoteAwareness: (update, instanceId, user) => this.presence.apply(update, instanceId, user),
      dropInstance: (instanceId) => this.presence.dropInstance(instanceId),
      renewPresence: () => {
        for (const c of this.conns) {
          const ids = [...c.clients].filter((id) => this.owners.get(id) === c && this.awareness.getStates().has(id));
          const { id, name, color } = c.user;
          if (ids.length) this.channel.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids), { id, name, color });
        }
      },
    }, this.doc);
    this.ready = Promise.resolve().then(() => this.load());
    this.ready.catch((err) => {
      if (err instanceof SectionGoneError) return this.drop();
      log("load failed", err);
      for (const c of this.conns) c.close(CLOSE.internal, "section could not be loaded");
    });
  }

  private async load(): Promise<void> {
    const t0 = performance.now();
    await this.channel.ready; // hearing other instances before reading: no update falls in between
    const loaded = await this.deps.load(this.sectionId);
    if (!loaded) throw new SectionGoneError(this.sectionId);
    applyLog(this.doc, loaded.updates, LOAD); // one joined update: lib/collab/merge-log.ts
    this.section = { ...loaded.section, ...this.pendingSection };
    this.saver.rows = loaded.rows;
    this.channel.loaded(loaded.maxId ?? 0);
    for (const c of this.conns) this.greet(c);
    // Benchmark hook (bench/cold-open.ts): database read + apply + greeting, server side.
    if (process.env.HEGAO_COLLAB_TIMING === "1") {
      this.deps.log(`[collab ${this.sectionId}] room loaded: ${loaded.rows} rows in ${(performance.now() - t0).toFixed(2)} ms`);
    }
    this.drain();
    // A log past the threshold (an import, or a crash before the unload compacted it) is
    // compacted once, shortly after the opening clients were served, so the next open reads
    // one row.
    if (loaded.rows > this.deps.saver.compactAbove) {
      setTimeout(() => {
        if (this.doc.isDestroyed) return;
        this.saver.flushAndCompact().catch((err) => this.deps.log(`[collab ${this.sectionId}] compaction after load failed`, err));
      }, COMPACT_AFTER_LOAD_MS).unref();
    }
  }

  /** Adds a connection; it is synced once the room is loaded. */
  join(conn: Connection): void {
    this.conns.add(conn);
    if (this.section) this.greet(conn);
  }

  private greet(conn: Connection): void {
    if (!canSection(conn.user, "read", this.section!)) return this.revoke(conn); // changed while it loaded
    conn.writable = isWritable(conn.user, this.section!);
    conn.send(syncStep1Message(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) conn.send(awarenessMessage(this.awareness, states));
    this.sendState(conn);
  }

  private sendState(conn: Connection): void {
    if (conn.extensions) conn.send(encodeSectionState({ state: this.section!.state, writable: conn.writable }));
  }

  /** Handles a frame from `conn` (queued until loaded); a protocol error closes `conn` only. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (conn.closed) return;
    const held = this.held.get(conn);
    if (held) {
      held.push(frame);
      if (held.length > MAX_HELD_FRAMES) {
        conn.close(CLOSE.internal, "authorisation pending"); // it reconnects and is authorised afresh
        this.leave(conn);
      }
      return;
    }
    if (!this.section || this.holds) {
      this.queue.push([conn, frame]);
      return;
    }
    try {
      handleFrame(this, conn, frame);
    } catch (err) {
      const code = err instanceof ProtocolError ? err.code : CLOSE.internal;
      this.clientLog.log(`[collab ${this.sectionId}]`, `[collab ${this.sectionId}] closing connection of ${conn.user.name}: ${(err as Error).message}`);
      conn.close(code, CLOSE_REASONS[code] ?? "internal error");
      this.leave(conn);
    }
  }

  /** Handles the frames queued while loading or held, in order. */
  private drain(): void {
    if (!this.section || this.holds) return;
    const queued = this.queue;
    this.queue = [];
    for (const [c, frame] of queued) this.receive(c, frame);
  }

  /**
   * Holds every incoming frame (queued in order, none lost) until the returned release is
   * called — or after 10 s. Submit holds the room while it freezes the text, so nothing is
   * applied between the flush and the new state: held edits are then refused, not left out.
   * Releasing twice is harmless.
   */
  holdAll(): () => void {
    this.holds++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.holds--;
      this.drain();
    };
    const timer = setTimeout(release, HOLD_MAX_MS);
    return release;
  }

  /**
   * Applies a change made by the server itself (restoring an earlier version) as one Yjs
   * transaction: every connection receives it like a collaborator's edit (none is closed) and
   * it is queued for saving; await `saver.flush()` to know it is stored. Call once `ready`.
   * @throws SectionGoneError when the section was deleted.
   */
  applyEdit(edit: (doc: Y.Doc) => void): void {
    if (this.deleted) throw new SectionGoneError(this.sectionId);
    const updates: Uint8Array[] = [];
    const capture = (u: Uint8Array) => void updates.push(u);
    this.doc.on("update", capture);
    try {
      Y.transact(this.doc, () => edit(this.doc), SERVER_EDIT);
    } finally {
      this.doc.off("update", capture);
    }
    if (updates.length) this.saver.add(Y.mergeUpdates(updates));
  }

  /** ProtocolRoom: persist `update` and acknowledge message `count` of `conn` once saved. */
  written(conn: Connection, update: Uint8Array | null, count: number): void {
    this.saver.add(update, conn, count);
  }

  /** ProtocolRoom: why `conn` may not write now. */
  notWritableReason(_conn: Connection): string {
    return notWritableReason(this.section!);
  }

  /**
   * Refuses document-write message `count` of `conn`: it is not applied, not stored in the
   * section, and never acknowledged — message 101 never claims it. The client (when it asked
   * for Hegao's messages) gets message 102 `{count, code, reason}`; `update`, when given, is
   * kept aside as a rejected draft of `conn`'s account (draft-keeper.ts, bounded per connection).
   * `code` is a close code of lib/collab/close-codes.ts: 4403 not writable now (protocol.ts);
   * update validation may route invalid updates here too (4422 invalid, 4413 too large) instead
   * of closing the socket. `reason`: Chinese, shown to the author. The connection stays open.
   */
  refuse(conn: Connection, count: number, code: number, reason: string, update?: Uint8Array): void {
    conn.refuse(count, code, reason);
    if (update) {
      const kind = DRAFT_REASONS[code as keyof typeof DRAFT_REASONS] ?? String(code);
      this.drafts.keep(conn, conn.user.id, kind, update);
    }
  }

  /** Removes a connection and the awareness states it spoke for. */
  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.drafts.forget(conn);
    this.queue = this.queue.filter(([c]) => c !== conn);
    this.held.delete(conn);
    const ids = [...conn.clients].filter((id) => this.owners.get(id) === conn);
    ids.forEach((id) => this.owners.delete(id));
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, conn);
  }

  /**
   * The section's review state changed: every connection is re-authorised at once. A
   * connection that becomes writable is NOT asked for its copy: what it changed while it could
   * not write was refused (and kept aside), and must not come back now. Offline edits made
   * while writable reach the room on reconnect (sync step 1 of the greeting).
   */
  setState(state: SectionState): void {
    this.reauthorise({ ...(this.section ?? this.pendingSection), state } as RoomSection);
  }

  /**
   * Re-decides every connection from fresh facts (live-access.ts reloads them from the
   * database): `section` as it is now, and `users` the accounts an access change named (null:
   * deleted or disabled). A connection whose account is gone or that may no longer read the
   * section is told it is read-only and closed with 4403; the others get the new writable flag
   * (message 100) when it or the state changed. A connection that becomes writable is NOT asked
   * for its copy (see below).
   */
  reauthorise(section: RoomSection, users: ReadonlyMap<string, CollabUser | null> = new Map()): void {
    for (const c of [...this.conns]) {
      if (!users.has(c.user.id)) continue;
      const user = users.get(c.user.id);
      if (user) c.user = user;
      else this.revoke(c);
    }
    if (!this.section) {
      this.pendingSection = section; // applied when the load completes; greet decides then
      return;
    }
    const stateChanged = section.state !== this.section.state;
    this.section = section;
    for (const c of [...this.conns]) {
      if (!canSection(c.user, "read", section)) {
        this.revoke(c);
        continue;
      }
      const was = c.writable;
      c.writable = isWritable(c.user, this.section);
      if (stateChanged || c.writable !== was) this.sendState(c);
      // Regaining write never pulls the client's copy: what it changed while it could not write
      // was refused (and kept aside) and must not come back now. Offline edits made while
      // writable reach the room on reconnect (sync step 1 of the greeting).
    }
  }

  /**
   * Holds `conn`'s frames while its access is re-decided (live-access.ts holds at the moment
   * the change is announced, so nothing sent after it is applied under the old decision).
   */
  hold(conn: Connection): void {
    if (this.conns.has(conn) && !this.held.has(conn)) this.held.set(conn, []);
  }

  /** Handles the frames held for `conn` under its new decision (dropped when it was closed). */
  release(conn: Connection): void {
    const frames = this.held.get(conn);
    if (!frames) return;
    this.held.delete(conn);
    for (const frame of frames) this.receive(conn, frame);
  }

  /** Closes `conn` with 4403 (access revoked), after telling it that it may not write. */
  private revoke(conn: Connection): void {
    conn.writable = false;
    if (conn.extensions && this.section) conn.send(encodeSectionState({ state: this.section.state, writable: false }));
    conn.close(CLOSE.accessRevoked, "access revoked");
    this.leave(conn);
  }

  /**
   * The section is deleted: closes every connection with 4404, discards the pending batch
   * (never written, never acknowledged), logs once and tells the owner to forget the room.
   */
  drop(): void {
    if (this.deleted) return;
    this.deleted = true;
    this.saver.discard();
    this.deps.log(`[collab ${this.sectionId}] section deleted: room closed, unsaved changes discarded`);
    this.destroy(CLOSE.sectionDeleted, "section deleted");
    this.deps.gone?.(this);
  }

  /** Flushes, closes every connection with `code` and frees the document. */
  destroy(code: number = CLOSE.goingAway, reason = "room closed"): void {
    if (this.doc.isDestroyed) return;
    for (const c of this.conns) c.close(code, reason);
    this.conns.clear();
    this.channel.close();
    this.saver.dispose();
    this.drafts.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
