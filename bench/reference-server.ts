/**
 * The reference: y-websocket 2.1.0's own server (`y-websocket-ref/bin/utils`,
 * `setupWSConnection`) on yjs 13 — no authentication, no persistence — on a `ws`
 * WebSocketServer, in its own process on a free loopback port. Run directly it listens and
 * prints `reference listening on <port>`; `startReferenceServer()` spawns it.
 */
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { WebSocketServer } from "ws";
import { freePort, spawnNode, type Child } from "./proc";

/** A running reference server: its WebSocket base URL (rooms are `<url>/<room>`) and process. */
export interface ReferenceServer {
  url: string;
  child: Child;
}

/** Starts the reference server in a child process (on the cores `cpus` when given); resolves when it listens. */
export async function startReferenceServer(cpus?: string): Promise<ReferenceServer> {
  const port = await freePort();
  const file = fileURLToPath(import.meta.url);
  const child = spawnNode(["--import", "tsx", file], { cwd: path.resolve(path.dirname(file), ".."), env: { REF_PORT: String(port) }, cpus });
  await child.waitFor(/reference listening on \d+/, 30_000);
  return { url: `ws://127.0.0.1:${port}`, child };
}

function main(): void {
  const require = createRequire(import.meta.url);
  const { setupWSConnection } = require("y-websocket-ref/bin/utils") as {
    setupWSConnection: (conn: unknown, req: http.IncomingMessage, opts: { docName: string; gc: boolean }) => void;
  };
  const port = Number(process.env.REF_PORT);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("reference");
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", (conn, req) => {
    const docName = (req.url ?? "/").slice(1).split("?")[0];
    setupWSConnection(conn, req, { docName, gc: true });
  });
  server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
  server.listen(port, "127.0.0.1", () => console.log(`reference listening on ${port}`));
  const stop = () => {
    for (const ws of wss.clients) ws.terminate();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
