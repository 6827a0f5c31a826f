/**
 * Live authorisation of open connections: ONE mechanism for every change that may alter who
 * may read or write a section — an account disabled, its role or department changed, a section
 * reassigned, deleted, or its review state changed, and (attach.ts) an upgrade that raced
 * such a change. Each event only NAMES ids (lib/collab/bus.ts); the facts are reloaded from
 * the database and the decision is the policy's (`canSection` via Room.reauthorise), so the
 * same events can later arrive from another instance through Redis. Events are handled one
 * after another, in order, each reading the database after its cause committed. From the
 * moment an event arrives until it is decided, the frames of the connections it names are
 * held by their rooms, so nothing sent after the change is applied under the old decision.
 */
import type { Db } from "@/db/client";
import { onAccessChange, onSectionState, type AccessChange } from "@/lib/collab/bus";
import { loadCollabUser } from "./authenticate-upgrade";
import { CLOSE, type CollabUser, type Connection } from "./connection";
import { loadRoomSection, type RoomSection } from "./persistence";
import type { Room } from "./room";
import type { Rooms } from "./rooms";

/** Where fresh facts come from (the database; fakes in unit tests). */
export interface AccessFacts {
  /** The active account, or null when deleted or disabled. */
  user(id: string): Promise<CollabUser | null>;
  /** The section, or null when deleted. */
  section(id: string): Promise<RoomSection | null>;
}

/** Facts straight from `db()`. */
export function databaseFacts(db: () => Promise<Db>): AccessFacts {
  return {
    user: async (id) => loadCollabUser(await db(), id),
    section: async (id) => loadRoomSection(await db(), id),
  };
}

/**
 * Follows the bus and re-decides the connections each event names (see the module comment).
 * `handle` can also be called directly (attach.ts does, for an upgrade that raced a change).
 */
export class LiveAccess {
  /** Incremented when an event arrives: an upgrade authenticated across a change re-asks (attach.ts). */
  generation = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly rooms: Rooms,
    private readonly facts: AccessFacts,
    private readonly log: (message: string, err?: unknown) => void,
  ) {}

  /** Follows the bus (access changes and review state changes); returns the unsubscribe function. */
  subscribe(): () => void {
    const offAccess = onAccessChange((change) => void this.handle(change));
    const offState = onSectionState(({ sectionId }) => void this.handle({ sectionIds: [sectionId] })); // the state is reloaded, not trusted
    return () => {
      offAccess();
      offState();
    };
  }

  /** Queues a re-decision; resolves once it (and every earlier one) was applied. Never rejects. */
  handle(change: AccessChange): Promise<void> {
    this.generation++;
    for (const id of change.deletedSectionIds ?? []) this.rooms.drop(id); // nothing to reload
    const held = this.affected(change).flatMap(({ room, conns }) => conns.map((c) => (room.hold(c), [room, c] as const)));
    this.chain = this.chain
      .then(() => this.apply(change))
      .catch((err) => this.log("access re-decision failed", err))
      .finally(() => held.forEach(([room, c]) => room.release(c)));
    return this.chain;
  }

  /** The rooms an event concerns, each with the connections it names (all of a named section's). */
  private affected(change: AccessChange): { room: Room; conns: Connection[] }[] {
    const userIds = new Set(change.userIds ?? []);
    const sectionIds = new Set(change.sectionIds ?? []);
    return this.rooms
      .all()
      .map((room) => ({ room, conns: [...room.conns].filter((c) => sectionIds.has(room.sectionId) || userIds.has(c.user.id)) }))
      .filter((a) => a.conns.length);
  }

  private async apply(change: AccessChange): Promise<void> {
    const userIds = new Set(change.userIds ?? []);
    const sectionIds = new Set(change.sectionIds ?? []);
    const named = (c: Connection) => userIds.has(c.user.id);
    const affected = this.affected(change).map((a) => a.room);
    if (!affected.length) return;
    const present = new Set(affected.flatMap((r) => [...r.conns].filter(named).map((c) => c.user.id)));
    let users: Map<string, CollabUser | null>;
    try {
      users = new Map(await Promise.all([...present].map(async (id) => [id, await this.facts.user(id)] as const)));
    } catch (err) {
      this.log("access re-decision: accounts could not be reloaded; their connections reconnect", err);
      for (const room of affected) this.reconnect(room, [...room.conns].filter(named));
      return;
    }
    for (const room of affected) {
      try {
        const section = await this.facts.section(room.sectionId);
        if (room.deleted) continue;
        if (!section) this.rooms.drop(room.sectionId);
        else room.reauthorise(section, users);
      } catch (err) {
        this.log(`[collab ${room.sectionId}] access re-decision failed; its connections reconnect`, err);
        this.reconnect(room, sectionIds.has(room.sectionId) ? [...room.conns] : [...room.conns].filter(named));
      }
    }
  }

  /** Facts could not be read: the connections reconnect and are authorised afresh at upgrade. */
  private reconnect(room: Room, conns: Connection[]): void {
    for (const c of conns) {
      c.close(CLOSE.internal, "authorisation could not be rechecked");
      room.leave(c);
    }
  }
}
