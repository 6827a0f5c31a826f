/**
 * Detects dead peers: every `intervalMs` each socket is pinged; one that has not answered the
 * previous ping (no pong) is terminated, which closes its connection in the room.
 */
import type { WebSocket, WebSocketServer } from "ws";

const alive = new WeakSet<WebSocket>();

/** Marks a socket alive now and on every pong. */
export function trackAlive(ws: WebSocket): void {
  alive.add(ws);
  ws.on("pong", () => alive.add(ws));
}

/** Starts pinging the clients of `wss`; returns the stop function. */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
