/**
 * Cold open: a fresh client opens a section whose room is not in memory. Client side: from
 * creating the WebsocketProvider to its `synced` event (handshake, authentication, room load,
 * sync). Server side: the collab server's own timing line (`HEGAO_COLLAB_TIMING=1`, printed by
 * lib/collab/server/room.ts: database read + applying the log + greeting).
 */
import { BenchClient, type Target } from "./load/client";
import type { Child } from "./proc";
import { sleep } from "./stats";

export interface ColdOpenSample {
  sectionId: string;
  rows: number | null;
  clientMs: number;
  /** Until the WebSocket is open (handshake + the server's authentication of the upgrade). */
  openMs: number | null;
  serverMs: number | null;
}

const noop = { arrival() {}, durable() {} };

/**
 * Opens each section in turn with one new client (as `cookie`), waits `holdMs` (the server
 * compacts a long log after the client's first acknowledged message), then disconnects.
 * @throws when a client is not synced within 60 s.
 */
export async function coldOpen(target: Target, server: Child, sections: { id: string; cookie: string }[], holdMs = 500): Promise<ColdOpenSample[]> {
  const samples: ColdOpenSample[] = [];
  for (const s of sections) {
    const logFrom = server.log().length;
    const t0 = performance.now();
    const client = new BenchClient({ room: s.id, role: "reader", cookie: s.cookie, name: "cold-open", presence: true }, target, noop);
    let openMs: number | null = null;
    client.provider.on("status", (e: { status: string }) => void (e.status === "connected" && openMs === null && (openMs = performance.now() - t0)));
    try {
      await client.whenSynced(60_000);
      const clientMs = performance.now() - t0;
      await sleep(holdMs);
      const line = server.log().slice(logFrom).match(new RegExp(`\\[collab ${s.id}\\] room loaded: (\\d+) rows in ([\\d.]+) ms`));
      samples.push({ sectionId: s.id, rows: line ? Number(line[1]) : null, clientMs: Math.round(clientMs * 100) / 100, openMs: openMs === null ? null : Math.round(openMs * 100) / 100, serverMs: line ? Number(line[2]) : null });
    } finally {
      client.destroy();
    }
  }
  return samples;
}
