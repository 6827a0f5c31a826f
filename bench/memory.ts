/**
 * Server memory per open room: VmRSS of the server process (/proc/<pid>/status) before and
 * after opening `sections.length` rooms with one client each (sections of ~1,500 characters),
 * so the figure per room includes the room's document, awareness, saver and one connection.
 * `rssAfterUnload` is read later by the caller, once the empty rooms have been unloaded.
 */
import { BenchClient, type Target } from "./load/client";
import { rssKB } from "./proc";
import { sleep } from "./stats";

export interface RoomMemory {
  rooms: number;
  baselineKB: number | null;
  openKB: number | null;
  rssPerRoomKB: number | null;
}

const noop = { arrival() {}, durable() {} };

/** Opens one client per section (10 at a time), reads the server's RSS, then disconnects them. */
export async function roomMemory(target: Target, pid: number, sections: { id: string; cookie: string }[]): Promise<RoomMemory> {
  // One room opened and closed first, so the code paths are loaded before the baseline.
  const warm = new BenchClient({ room: sections[0].id, role: "reader", cookie: sections[0].cookie, name: "memory", presence: true }, target, noop);
  await warm.whenSynced(60_000).finally(() => warm.destroy());
  await sleep(1000);
  const baselineKB = rssKB(pid);
  const clients: BenchClient[] = [];
  const rest = sections.slice(1);
  try {
    for (let i = 0; i < rest.length; i += 10) {
      const batch = rest.slice(i, i + 10).map((s) => new BenchClient({ room: s.id, role: "reader", cookie: s.cookie, name: "memory", presence: true }, target, noop));
      clients.push(...batch);
      await Promise.all(batch.map((c) => c.whenSynced(60_000)));
    }
    await sleep(1500);
    const openKB = rssKB(pid);
    const per = baselineKB !== null && openKB !== null ? Math.round((openKB - baselineKB) / rest.length) : null;
    return { rooms: rest.length, baselineKB, openKB, rssPerRoomKB: per };
  } finally {
    clients.forEach((c) => c.destroy());
  }
}
