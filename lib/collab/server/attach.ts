/**
 * Attaches the collaboration endpoint `/collab/<sectionId>` to the app's HTTP server.
 * Placeholder until the collaboration server lands: refuses the upgrade with 503.
 */
import type { Server } from "node:http";
import type { Duplex } from "node:stream";

export interface CollabServer {
  /** Handles an upgrade for /collab/*; returns false for other URLs. */
  handleUpgrade(req: import("node:http").IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Flushes every room and closes every connection. */
  close(): Promise<void>;
}

/** Creates the collaboration server for `server` (not yet implemented: 503). */
export function createCollabServer(_server: Server, _opts: { origin: string }): CollabServer {
  return {
    handleUpgrade(req, socket) {
      if (!req.url?.startsWith("/collab/")) return false;
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return true;
    },
    async close() {},
  };
}
