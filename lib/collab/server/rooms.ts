/**
 * The rooms of this process, by section id. A room is created on the first connection and
 * unloaded `unloadAfterMs` after its last connection leaves: flushed and compacted first (so
 * the next open reads one row), and only dropped from memory when that succeeded and nobody
 * joined meanwhile. A room stays fully usable while it saves. A room whose section is deleted
 * is dropped at once (closed with 4404, its unsaved batch discarded) and forgotten.
 */
import type { SectionState } from "@/db/schema";
import { CLOSE_CODES } from "@/lib/collab/close-codes";
import { CLOSE, type Connection } from "./connection";
import { Room, type RoomDeps } from "./room";
import { isSectionGone } from "./section-gone";

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly timers = new Map<Room, ReturnType<typeof setTimeout>>();

  private readonly deps: RoomDeps;

  constructor(
    deps: RoomDeps,
    private readonly unloadAfterMs: number,
  ) {
    this.deps = { ...deps, gone: (room) => this.forget(room) };
  }

  /** Every loaded (or loading) room. */
  all(): Room[] {
    return [...this.rooms.values()];
  }

  /** The loaded (or loading) room of a section, if any. */
  get(sectionId: string): Room | undefined {
    return this.rooms.get(sectionId);
  }

  /** The section's room, created (and starting to load) when needed. */
  private open(sectionId: string): Room {
    const room = this.rooms.get(sectionId);
    if (room) return room;
    const created = new Room(sectionId, this.deps);
    this.rooms.set(sectionId, created);
    created.ready.catch(() => {
      if (this.rooms.get(sectionId) === created) this.rooms.delete(sectionId);
      created.destroy(CLOSE.internal, "section could not be loaded");
    });
    return created;
  }

  /** Adds `conn` to the section's room, creating the room when needed. */
  join(sectionId: string, conn: Connection): Room {
    const room = this.open(sectionId);
    this.cancelUnload(room);
    room.join(conn);
    return room;
  }

  /**
   * Applies a server-side edit (a restore) through the section's room — loading it when nobody
   * has it open, so a client joining meanwhile never misses it — and resolves once it is
   * written. An empty room unloads as usual afterwards.
   * @throws when the room cannot be loaded, the section is gone, or the write fails.
   */
  async edit(sectionId: string, edit: (doc: import("yjs").Doc) => void): Promise<void> {
    const room = this.open(sectionId);
    try {
      await room.ready;
      room.applyEdit(edit);
      await room.saver.flush();
    } finally {
      if (!room.conns.size && this.rooms.get(sectionId) === room) this.scheduleUnload(room, this.unloadAfterMs);
    }
  }

  /** Removes `conn`; schedules the unload when the room is empty. */
  leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (!room.conns.size && this.rooms.get(room.sectionId) === room) this.scheduleUnload(room, this.unloadAfterMs);
  }

  /** Forwards a review state change to the section's room, if loaded. */
  setState(sectionId: string, state: SectionState): void {
    this.rooms.get(sectionId)?.setState(state);
  }

  /**
   * The section was deleted: its room (if loaded) closes every connection with 4404, discards
   * its unsaved batch and is forgotten; nothing of it is written again.
   */
  drop(sectionId: string): void {
    this.rooms.get(sectionId)?.drop();
  }

  private forget(room: Room): void {
    this.cancelUnload(room);
    if (this.rooms.get(room.sectionId) === room) this.rooms.delete(room.sectionId);
  }

  /**
   * The section's stored log was replaced (restore): the room is dropped WITHOUT saving — its
   * document and pending updates hold the state that was replaced — and its connections are
   * closed (4410 section restored), so clients discard their copy and load the new log.
   */
  reload(sectionId: string): void {
    const room = this.rooms.get(sectionId);
    if (!room) return;
    this.rooms.delete(sectionId);
    this.cancelUnload(room);
    room.destroy(CLOSE_CODES.sectionRestored, "section restored");
  }

  /** Writes a section's pending updates (no-op when its room is not loaded). */
  async flush(sectionId: string): Promise<void> {
    const room = this.rooms.get(sectionId);
    if (!room) return;
    await room.ready.catch(() => {});
    await room.saver.flush();
  }

  private cancelUnload(room: Room): void {
    clearTimeout(this.timers.get(room));
    this.timers.delete(room);
  }

  private scheduleUnload(room: Room, ms: number): void {
    this.cancelUnload(room);
    // Up to 20 % jitter: rooms left at the same moment (a meeting ends, a load test stops)
    // must not all flush and compact in the same instant and stall every other room.
    const jittered = ms + Math.floor(Math.random() * ms * 0.2);
    this.timers.set(room, setTimeout(() => void this.unload(room), jittered));
  }

  /**
   * Holds the section's room (Room.holdAll: incoming frames queued) and writes its pending
   * updates; resolves with the release. No room loaded: nothing to hold, a no-op release.
   * @throws when the flush fails (the hold is released first).
   */
  async hold(sectionId: string): Promise<() => void> {
    const room = this.rooms.get(sectionId);
    if (!room) return () => {};
    const release = room.holdAll();
    try {
      await room.ready.catch(() => {});
      await room.saver.flush();
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  private async unload(room: Room): Promise<void> {
    this.timers.delete(room);
    if (room.conns.size || this.rooms.get(room.sectionId) !== room) return;
    try {
      await room.ready;
      await room.saver.flushAndCompact();
    } catch (err) {
      if (isSectionGone(err)) return room.drop();
      this.deps.log(`[collab ${room.sectionId}] unload failed; keeping the room and retrying`, err);
      this.scheduleUnload(room, this.unloadAfterMs);
      return;
    }
    if (room.conns.size || this.rooms.get(room.sectionId) !== room) return; // someone came back
    this.rooms.delete(room.sectionId);
    room.destroy();
  }

  /**
   * Flushes every room and closes every connection (shutdown). Every healthy room is saved
   * even when another fails (group-commit.ts isolates rooms); a room whose section was deleted
   * is dropped, not counted as a failure. Rejects if a room fails to save.
   */
  async closeAll(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    const results = await Promise.allSettled(
      rooms.map(async (room) => {
        await room.ready.catch(() => {});
        try {
          await room.saver.flush();
        } catch (err) {
          if (!isSectionGone(err)) throw err;
        } finally {
          room.destroy(CLOSE.goingAway, "server shutting down");
        }
      }),
    );
    const failed = results.filter((r) => r.status === "rejected");
    if (failed.length) throw new Error(`${failed.length} room(s) could not be saved`);
  }
}
