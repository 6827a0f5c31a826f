/**
 * The fan-out seam of the collaboration server (style.md "Room dependencies are injected"): what
 * a room uses to hear about document updates and awareness from OTHER instances, and to tell
 * them about its own. One process (the default) needs nothing: `localFanout` does nothing. With
 * `REDIS_URL` (cluster mode) `RedisFanout` carries everything through Redis. Rooms, persistence
 * and the protocol do not know which one they have.
 *
 * Rules every implementation keeps:
 * - a local edit travels at once (`RoomChannel.local`), so collaborators on other instances see
 *   it as fast as those on this one; it is not yet stored, so the receivers keep it as PENDING
 *   until the origin's commit that contains it arrives, and store it themselves (`adopt`) when
 *   the origin dies or stays silent about it: nothing another instance showed can be lost;
 * - every COMMITTED batch travels too, with its `section_updates` row id and the id of the
 *   section's previous row (`CommitIds`), so a receiver can tell a gap and repair it from
 *   PostgreSQL (the source of truth); Yjs ignores what a receiver already has;
 * - sync replies are per connection and never published;
 * - awareness travels with the account it belongs to, so the awareness guard holds across
 *   instances (nobody may speak for another account's client id on any instance).
 */
import type * as Y from "yjs";

/** The row id a batch got and the section's previous highest row id (0: none) at its commit. */
export interface CommitIds {
  id: number;
  prev: number;
}

/** Who an awareness update from another instance speaks for. */
export interface RemoteUser {
  id: string;
  name: string;
  color: string;
}

/** What a channel hands to its room. */
export interface RoomSink {
  /** A committed update from another instance (or a repair): apply at once; never stored again. */
  applyRemote(update: Uint8Array): void;
  /** A guarded awareness update of `user`'s clients on instance `instanceId`. */
  applyRemoteAwareness(update: Uint8Array, instanceId: string, user: RemoteUser): void;
  /**
   * Stores an edit another instance showed but did not confirm as committed (it died, or its
   * commit is overdue); storing an update twice is harmless (Yjs applies it once).
   */
  adopt(update: Uint8Array): void;
  /** Instance `instanceId` is gone: its clients leave this room's presence. */
  dropInstance(instanceId: string): void;
  /** Publishes the presence of this instance's clients again (after an outage, and periodically). */
  renewPresence(): void;
}

/** One room's end of the fan-out. */
export interface RoomChannel {
  /** Resolves once messages for the room are received (the room loads after it: no window). */
  readonly ready: Promise<void>;
  /** The room loaded the log up to row `maxId` (0: empty log). */
  loaded(maxId: number): void;
  /** A local edit (a client's or the server's own), before it is committed: others show it at once. */
  local(update: Uint8Array): void;
  /** A local connection of `user` changed awareness (`update`: y-protocols awareness update). */
  awareness(update: Uint8Array, user: RemoteUser): void;
  /** The room is destroyed. */
  close(): void;
}

/** Handlers an instance offers to the others (cluster mode). */
export interface FanoutServe {
  /** Hold a section's room and write its pending updates; resolves with the release. */
  hold(sectionId: string): Promise<() => void>;
  /**
   * Redis came back after an outage: events published meanwhile (state and access changes)
   * may be lost, so every open connection is re-decided from the database.
   */
  resync?(): void;
}

export interface Fanout {
  /** This instance's id (random per process). */
  readonly instanceId: string;
  /** Opens the room's channel (before it loads). */
  open(sectionId: string, sink: RoomSink, doc: Y.Doc): RoomChannel;
  /**
   * The room's saver takes a batch to write: returns the mark (the number of the last local
   * edit sent so far) that its `committed` call passes on. Every edit sent up to then is in it.
   */
  taken(sectionId: string): number;
  /** A batch of this instance was committed as row `ids.id` (it holds the local edits up to `mark`). */
  committed(sectionId: string, update: Uint8Array, ids: CommitIds, mark: number): void;
  /** The section's log was compacted into row `ids.id` (everything up to `ids.prev`). */
  compacted(sectionId: string, ids: CommitIds): void;
  /**
   * Holds the section on every OTHER instance (each flushes and holds its room) and resolves
   * with the release once every instance confirmed.
   * @throws when an instance does not confirm in time (the caller must not freeze the text).
   */
  holdOthers(sectionId: string): Promise<() => void>;
  /** Starts answering other instances' requests. */
  serve(handlers: FanoutServe): void;
  /** True when update row ids are needed (group commit asks the database for them). */
  readonly ordered: boolean;
  close(): Promise<void>;
}
