/**
 * Server memory per open room, two ways, before and after opening `sections.length` rooms with
 * one client each (sections of ~1,500 characters), so the figure per room includes the room's
 * document, awareness, saver and one connection:
 * - RSS: VmRSS of the server process (/proc/<pid>/status); the whole process, Next included,
 *   and noisy (the allocator keeps freed pages);
 * - heap (the collaboration server's share, issue 14): the server, started with
 *   `HEGAO_BENCH_HEAP=1 --expose-gc`, answers SIGUSR2 with a full GC and `process.memoryUsage()`
 *   (server.ts). Baseline = Next.js, the app's modules and (external) PGlite's WASM memory;
 *   the delta after the rooms opened (heapUsed + external, i.e. V8 heap and Buffers) divided by
 *   the rooms is what one room costs the collaboration server.
 * `rssAfterUnload` is read later by the caller, once the empty rooms have been unloaded.
 */
import { BenchClient, type Target } from "./load/client";
import { rssKB, type Child } from "./proc";
import { sleep } from "./stats";

export interface RoomMemory {
  rooms: number;
  baselineKB: number | null;
  openKB: number | null;
  rssPerRoomKB: number | null;
  /** Live heap (V8 heap + external) after a full GC, before the rooms opened. */
  heapBaselineKB: number | null;
  heapOpenKB: number | null;
  heapPerRoomKB: number | null;
}

const noop = { arrival() {}, durable() {} };

/** Asks `server` for its live heap (see the module comment); null without an answer in 10 s. */
export async function serverHeapKB(server: Child): Promise<number | null> {
  const from = server.log().length;
  server.proc.kill("SIGUSR2");
  for (let waited = 0; waited < 10_000; waited += 50) {
    const m = server.log().slice(from).match(/\[bench heap\] used (\d+) external (\d+)/);
    if (m) return Math.round((Number(m[1]) + Number(m[2])) / 1024);
    await sleep(50);
  }
  return null;
}

/** Opens one client per section (10 at a time), reads the server's RSS and heap, then disconnects them. */
export async function roomMemory(target: Target, server: Child, sections: { id: string; cookie: string }[]): Promise<RoomMemory> {
  const pid = server.pid;
  // One room opened and closed first, so the code paths are loaded before the baseline.
  const warm = new BenchClient({ room: sections[0].id, role: "reader", cookie: sections[0].cookie, name: "memory", presence: true }, target, noop);
  await warm.whenSynced(60_000).finally(() => warm.destroy());
  await sleep(1000);
  const heapBaselineKB = await serverHeapKB(server);
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
    const heapOpenKB = await serverHeapKB(server);
    const per = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.round((b - a) / rest.length) : null);
    return { rooms: rest.length, baselineKB, openKB, rssPerRoomKB: per(baselineKB, openKB), heapBaselineKB, heapOpenKB, heapPerRoomKB: per(heapBaselineKB, heapOpenKB) };
  } finally {
    clients.forEach((c) => c.destroy());
  }
}
