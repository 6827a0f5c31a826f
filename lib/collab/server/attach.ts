/**
 * The collaboration endpoint `/collab/<sectionId>` on the app's own HTTP server, in the app's
 * process: authenticates each upgrade (authenticate-upgrade.ts), hands accepted sockets to the
 * section's room (rooms.ts / room.ts), follows review state changes and flush requests from
 * the bus (lib/collab/bus.ts), pings for dead peers, and saves everything on close().
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { getDb, type Db } from "@/db/client";
import { onSectionState, registerFlush, registerHold } from "@/lib/collab/bus";
import { EXTENSIONS_PARAM } from "@/lib/collab/messages";
import { notFound } from "@/lib/errors";
import { insertRejectedDraft, updateRejectedDraft } from "@/lib/review/rejected-drafts";
import { authenticateUpgrade, rejectUpgrade } from "./authenticate-upgrade";
import { CLOSE, Connection, type CollabUser } from "./connection";
import { startHeartbeat, trackAlive } from "./heartbeat";
import { collabOptionsSchema, type CollabOptions } from "./options";
import { GroupCommit } from "./group-commit";
import { compactLog, loadRoom } from "./persistence";
import { Rooms } from "./rooms";

export interface CollabServer {
  /** Handles an upgrade for /collab/*; returns false for other URLs. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Flushes every room and closes every connection. */
  close(): Promise<void>;
  /** The rooms (tests and diagnostics). */
  readonly rooms: Rooms;
}

const PATH = /^\/collab\/([A-Za-z0-9-]{1,64})\/?$/;

function log(message: string, err?: unknown): void {
  if (err) console.error(`[hegao] ${message}:`, err instanceof Error ? err.message : err);
  else console.log(`[hegao] ${message}`);
}

/**
 * Creates the collaboration server. `opts.secret` defaults to NEXTAUTH_SECRET and
 * `opts.db` to the process database.
 */
export function createCollabServer(
  _server: Server,
  opts: CollabOptions & { secret?: string; db?: () => Promise<Db> },
): CollabServer {
  const o = collabOptionsSchema.parse(opts);
  const db = opts.db ?? getDb;
  const secret = () => opts.secret ?? process.env.NEXTAUTH_SECRET ?? "";
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxPayload, perMessageDeflate: false });
  const commits = new GroupCommit(db, { windowMs: o.groupCommitMs, log });
  const rooms = new Rooms(
    {
      load: async (id) => loadRoom(await db(), id),
      store: (id) => ({
        append: (update) => commits.append(id, update),
        compact: async () => compactLog(await db(), id),
      }),
      saver: { delayMs: o.saveDelayMs, maxRetries: o.maxRetries, compactAbove: o.compactAbove },
      drafts: {
        insert: async (row) => insertRejectedDraft(await db(), row),
        update: async (id, patch) => updateRejectedDraft(await db(), id, patch),
      },
      log,
    },
    o.unloadAfterMs,
  );
  const stopHeartbeat = startHeartbeat(wss, o.pingIntervalMs);
  const offState = onSectionState(({ sectionId, state }) => rooms.setState(sectionId, state));
  registerFlush((sectionId) => rooms.flush(sectionId));
  registerHold((sectionId) => rooms.hold(sectionId));
  let closing = false;

  function accept(ws: WebSocket, sectionId: string, user: CollabUser, extensions: boolean): void {
    trackAlive(ws);
    const conn = new Connection(user, { send: (d) => ws.send(d), close: (c, r) => ws.close(c, r) }, extensions);
    const room = rooms.join(sectionId, conn);
    ws.on("message", (data, isBinary) => {
      if (!isBinary) return conn.close(CLOSE.unsupportedData, "binary frames only");
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      room.receive(conn, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    });
    // ws reports protocol violations and oversized frames here, then closes the socket (1009…).
    ws.on("error", (err) => log(`[collab ${sectionId}] socket of ${user.name}: ${err.message}`));
    ws.on("close", () => {
      conn.closed = true;
      rooms.leave(room, conn);
    });
  }

  return {
    rooms,
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith("/collab/")) return false;
      const match = PATH.exec(url.pathname);
      if (!match) {
        rejectUpgrade(socket, notFound("协作地址"));
        return true;
      }
      if (closing) {
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
        return true;
      }
      const sectionId = match[1];
      const extensions = url.searchParams.get(EXTENSIONS_PARAM) === "1";
      void (async () => {
        try {
          const auth = await authenticateUpgrade(req.headers, sectionId, { origin: o.origin, secret: secret(), db: await db() });
          if (closing || socket.destroyed) return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => accept(ws, sectionId, auth.user, extensions));
        } catch (err) {
          rejectUpgrade(socket, err);
        }
      })();
      return true;
    },
    async close() {
      closing = true;
      offState();
      stopHeartbeat();
      try {
        await rooms.closeAll();
        await commits.flush();
      } finally {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
      }
    },
  };
}
