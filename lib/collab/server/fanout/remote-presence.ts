/**
 * Presence of other instances' clients in one room. An awareness update from another instance
 * was guarded there; here it passes the room's own guard again as a stand-in connection of
 * (instance, account), so a client id claimed by one account — on any instance — cannot be
 * taken by another account anywhere (the same account may take it over: a tab that
 * reconnected through another instance). When an instance is declared dead (no heartbeat,
 * redis.ts), its clients' states are removed and every local connection is told.
 */
import * as awarenessProtocol from "y-protocols/awareness";
import type { CollabUser } from "../connection";
import { Connection } from "../connection";
import { guardAwarenessUpdate } from "../awareness-guard";
import type { RemoteUser } from "./types";

/** Origin of awareness changes that came from another instance (never published again). */
export const REMOTE = Symbol("remote");

const nowhere = { send() {}, close() {} };

export class RemotePresence {
  private readonly standIns = new Map<string, Connection>();

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly owners: Map<number, Connection>,
  ) {}

  /** True when `origin` is a stand-in for another instance's connection. */
  isRemote(origin: unknown): boolean {
    return origin === REMOTE || (origin instanceof Connection && [...this.standIns.values()].includes(origin));
  }

  /** Applies a guarded awareness update of `user`'s clients on `instanceId`. */
  apply(update: Uint8Array, instanceId: string, user: RemoteUser): void {
    const key = `${instanceId}\u0000${user.id}`;
    let conn = this.standIns.get(key);
    if (!conn) {
      conn = new Connection({ id: user.id, name: user.name, color: user.color } as CollabUser, nowhere);
      this.standIns.set(key, conn);
    }
    let allowed: Uint8Array | null;
    try {
      allowed = guardAwarenessUpdate(update, conn, this.owners);
    } catch {
      return; // malformed: another instance's bug, not this room's problem
    }
    if (allowed) awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, conn);
  }

  /** Removes every client of `instanceId` from presence (its owners released). */
  dropInstance(instanceId: string): void {
    for (const [key, conn] of this.standIns) {
      if (!key.startsWith(`${instanceId}\u0000`)) continue;
      this.standIns.delete(key);
      const ids = [...conn.clients].filter((id) => this.owners.get(id) === conn);
      ids.forEach((id) => this.owners.delete(id));
      if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, REMOTE);
    }
  }
}
