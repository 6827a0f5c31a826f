/**
 * One collaboration instance for the chaos test (lib/cluster/chaos.test.ts), as its own
 * process: the real collaboration server (attach.ts) in cluster mode (lib/cluster/start.ts) on
 * PostgreSQL + Redis, without Next (a production build takes minutes; the collaboration path
 * is what the chaos test attacks). Env: PORT, DATABASE_URL, REDIS_URL, HEGAO_REDIS_PREFIX,
 * NEXTAUTH_SECRET. `GET /room/<sectionId>` answers the loaded room's state vector, text and presence (awareness client ids)
 * (404 when not loaded) so the test can compare every instance's copy. Prints `ready` once
 * listening; SIGTERM saves and stops.
 */
import http from "node:http";
import * as Y from "yjs";
import { openDatabase } from "@/db/client";
import { docToContent } from "@/lib/collab/content";
import { createCollabServer } from "@/lib/collab/server/attach";
import { startCluster } from "./start";

async function main() {
  const port = Number(process.env.PORT);
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL! });
  const log = (m: string, e?: unknown) => console.log(`[instance ${port}] ${m}${e ? `: ${e instanceof Error ? e.message : String(e)}` : ""}`);
  const cluster = startCluster({
    redisUrl: process.env.REDIS_URL!, db: async () => handle.db, log,
    timings: { prefix: process.env.HEGAO_REDIS_PREFIX, checkMs: 1000, heartbeatMs: 1000, deadAfterMs: 5000 },
  });
  const origin = `http://127.0.0.1:${port}`;
  const server = http.createServer((req, res) => {
    const m = /^\/room\/([\w-]+)$/.exec(req.url ?? "");
    const room = m && collab.rooms.get(m[1]);
    if (!room || !room.section) return res.writeHead(404).end();
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({
      sv: Buffer.from(Y.encodeStateVector(room.doc)).toString("base64"),
      text: docToContent(room.doc).text,
      presence: [...room.awareness.getStates().keys()],
    }));
  });
  const collab = createCollabServer(server, {
    origin, secret: process.env.NEXTAUTH_SECRET!, db: async () => handle.db, fanout: cluster.fanout,
    maxConnectionsPerAccount: 0, maxConnectionsPerAddress: 0, unloadAfterMs: 120_000,
  });
  server.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
  server.listen(port, "127.0.0.1", () => console.log("ready"));
  process.on("SIGTERM", async () => {
    await collab.close().catch(() => {});
    await cluster.stop();
    await handle.close();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
