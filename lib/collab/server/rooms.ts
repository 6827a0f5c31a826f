/**
 * The rooms of this process, by section id. A room is created on the first connection and
 * unloaded `unloadAfterMs` after its last connection leaves: flushed and compacted first (so
 * the next open reads one row), and only dropped from memory when that succeeded and nobody
 * joined meanwhile. A room stays fully usable while it saves.
 */
import type { SectionState } from "@/db/schema";
import { CLOSE, type Connection } from "./connection";
import { Room, type RoomDeps } from "./room";

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly timers = new Map<Room, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly deps: RoomDeps,
    private readonly unloadAfterMs: number,
  ) {}

  /** The loaded (or loading) room of a section, if any. */
  get(sectionId: string): Room | undefined {
    return this.rooms.get(sectionId);
  }

  /** Adds `conn` to the section's room, creating the room when needed. */
  join(sectionId: string, conn: Connection): Room {
    let room = this.rooms.get(sectionId);
    if (!room) {
      const created = new Room(sectionId, this.deps);
      this.rooms.set(sectionId, created);
      created.ready.catch(() => {
        if (this.rooms.get(sectionId) === created) this.rooms.delete(sectionId);
        created.destroy(CLOSE.internal, "section could not be loaded");
      });
      room = created;
    }
    this.cancelUnload(room);
    room.join(conn);
    return room;
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
   * Holds the section's room (Room.hold: incoming frames queued) and writes its pending
   * updates; resolves with the release. No room loaded: nothing to hold, a no-op release.
   * @throws when the flush fails (the hold is released first).
   */
  async hold(sectionId: string): Promise<() => void> {
    const room = this.rooms.get(sectionId);
    if (!room) return () => {};
    const release = room.hold();
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
      this.deps.log(`[collab ${room.sectionId}] unload failed; keeping the room and retrying`, err);
      this.scheduleUnload(room, this.unloadAfterMs);
      return;
    }
    if (room.conns.size || this.rooms.get(room.sectionId) !== room) return; // someone came back
    this.rooms.delete(room.sectionId);
    room.destroy();
  }

  /** Flushes every room and closes every connection (shutdown). Rejects if a room fails to save. */
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
        } finally {
          room.destroy(CLOSE.goingAway, "server shutting down");
        }
      }),
    );
    const failed = results.filter((r) => r.status === "rejected");
    if (failed.length) throw new Error(`${failed.length} room(s) could not be saved`);
  }
}
