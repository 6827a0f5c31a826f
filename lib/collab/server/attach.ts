/**
 * The collaboration endpoint `/collab/<sectionId>` on the app's own HTTP server, in the app's
 * process: refuses an upgrade past the connection limits (HTTP 429, limits.ts), authenticates
 * it (authenticate-upgrade.ts), hands accepted sockets to the section's room (rooms.ts /
 * room.ts), re-decides open connections on access and review state changes from the bus
 * (live-access.ts), closes a socket whose session expires (4401) or that floods frames (4429),
 * pings for dead peers, and saves everything on close().
 * `opts.fanout` (cluster mode, lib/cluster/start.ts) connects the rooms to other instances:
 * committed batches and compactions are published with their row ids, and a hold (submit)
 * holds the section's room on every instance; `opts.connectionLimits` (cluster mode: counted in
 * Redis, connection-limit-redis.ts) makes the per-account and per-address limits cluster-wide.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { getDb, type Db } from "@/db/client";
import { onReloadSection, registerEdit, registerFlush, registerHold } from "@/lib/collab/bus";
import { EXTENSIONS_PARAM } from "@/lib/collab/messages";
import { notFound } from "@/lib/errors";
import { authenticateUpgrade, rejectUpgrade, type AuthenticatedUpgrade } from "./authenticate-upgrade";
import { clientAddress } from "./client-address";
import { insertRejectedDraft, updateRejectedDraft } from "@/lib/review/rejected-drafts";
import { CLOSE, Connection, type CollabUser } from "./connection";
import { startHeartbeat, trackAlive } from "./heartbeat";
import { collabOptionsSchema, type CollabOptions } from "./options";
import { GroupCommit } from "./group-commit";
import { TokenBucket } from "./limits";
import { localConnectionLimits, type ConnectionLimits, type ReleaseSlot } from "./connection-limit";
import { databaseFacts, LiveAccess } from "./live-access";
import { LogLimiter } from "./log-limiter";
import { compactLog, loadRoom } from "./persistence";
import { Rooms } from "./rooms";
import { localFanout } from "./fanout/local";
import type { Fanout } from "./fanout/types";

export interface CollabServer {
  /** Handles an upgrade for /collab/*; returns false for other URLs. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Flushes every room and closes every connection. */
  close(): Promise<void>;
  /** The rooms (tests and diagnostics). */
  readonly rooms: Rooms;
}

const PATH = /^\/collab\/([A-Za-z0-9-]{1,64})\/?$/;
/** setTimeout's largest delay (2^31 - 1 ms ≈ 24.8 days); longer sessions re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function log(message: string, err?: unknown): void {
  if (err) console.error(`[hegao] ${message}:`, err instanceof Error ? err.message : err);
  else console.log(`[hegao] ${message}`);
}

/**
 * Creates the collaboration server. `opts.secret` defaults to NEXTAUTH_SECRET, `opts.db` to
 * the process database, `opts.fanout` to this process alone and `opts.connectionLimits` to
 * in-memory counts.
 */
export function createCollabServer(
  _server: Server,
  opts: CollabOptions & { secret?: string; db?: () => Promise<Db>; fanout?: Fanout; connectionLimits?: ConnectionLimits },
): CollabServer {
  const o = collabOptionsSchema.parse(opts);
  const db = opts.db ?? getDb;
  const secret = () => opts.secret ?? process.env.NEXTAUTH_SECRET ?? "";
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxPayload, perMessageDeflate: false });
  const fanout = opts.fanout ?? localFanout;
  const commits = new GroupCommit(db, { windowMs: o.groupCommitMs, log, ordered: fanout.ordered });
  const rooms = new Rooms(
    {
      load: async (id) => loadRoom(await db(), id),
      store: (id) => ({
        append: async (update) => {
          const mark = fanout.taken(id); // before any await: the batch holds every edit sent so far
          const ids = await commits.append(id, update);
          if (ids) fanout.committed(id, update, ids, mark);
        },
        compact: async () => compactLog(await db(), id, (ids) => fanout.compacted(id, ids)),
      }),
      fanout,
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
  const access = new LiveAccess(rooms, databaseFacts(db), log);
  const offAccess = access.subscribe();
  const offReload = onReloadSection((sectionId) => rooms.reload(sectionId));
  registerFlush(async (sectionId) => {
    const releaseOthers = await fanout.holdOthers(sectionId); // each instance flushed its room
    releaseOthers();
    await rooms.flush(sectionId);
  });
  const limits = opts.connectionLimits ?? localConnectionLimits;
  const perAccount = limits("account", o.maxConnectionsPerAccount);
  const perAddress = limits("address", o.maxConnectionsPerAddress);
  const clientLog = new LogLimiter((m) => log(m));
  fanout.serve({
    hold: (sectionId) => rooms.hold(sectionId),
    resync: () => {
      const open = rooms.all();
      const userIds = [...new Set(open.flatMap((r) => [...r.conns].map((c) => c.user.id)))];
      void access.handle({ sectionIds: open.map((r) => r.sectionId), userIds });
    },
  });
  registerHold(async (sectionId) => {
    const release = await rooms.hold(sectionId);
    try {
      const releaseOthers = await fanout.holdOthers(sectionId);
      return () => (release(), releaseOthers());
    } catch (err) {
      release();
      throw err;
    }
  });
  registerEdit((sectionId, edit) => rooms.edit(sectionId, edit));
  let closing = false;

  /** Closes `conn` with 4401 when the session's JWT expires (re-armed past setTimeout's range). */
  function closeAtExpiry(conn: Connection, expiresAt: number | null): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const ms = expiresAt! - Date.now();
      if (ms <= 0) return conn.close(CLOSE.sessionEnded, "session ended");
      timer = setTimeout(arm, Math.min(ms, MAX_TIMER_MS));
      timer.unref();
    };
    if (expiresAt !== null) arm();
    return () => clearTimeout(timer);
  }

  function accept(ws: WebSocket, sectionId: string, auth: AuthenticatedUpgrade, extensions: boolean, generation: number): void {
    trackAlive(ws);
    const user: CollabUser = auth.user;
    const conn = new Connection(user, { send: (d) => ws.send(d), close: (c, r) => ws.close(c, r) }, extensions);
    const room = rooms.join(sectionId, conn);
    const stopExpiry = closeAtExpiry(conn, auth.expiresAt);
    // An access change arrived while this upgrade was being authenticated: decide it again.
    if (access.generation !== generation) void access.handle({ userIds: [user.id], sectionIds: [sectionId] });
    const bucket = new TokenBucket(o.framesPerSecond, o.frameBurst);
    ws.on("message", (data, isBinary) => {
      if (conn.closed) return;
      if (!bucket.take()) {
        clientLog.log(`[collab ${sectionId}]`, `[collab ${sectionId}] closing connection of ${conn.user.name}: more than ${o.framesPerSecond} frames/s`);
        return conn.close(CLOSE.tooManyConnections, "too many frames");
      }
      if (!isBinary) return conn.close(CLOSE.unsupportedData, "binary frames only");
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      room.receive(conn, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    });
    // ws reports protocol violations and oversized frames here, then closes the socket (1009…).
    ws.on("error", (err) => clientLog.log(`[collab ${sectionId}]`, `[collab ${sectionId}] socket of ${conn.user.name}: ${err.message}`));
    ws.on("close", () => {
      stopExpiry();
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
      // Slots are taken before the (asynchronous) authentication, so a burst of upgrades from
      // one address cannot pass the check together; the socket's close gives them back. A slot
      // granted after the socket already closed (the acquire is asynchronous) is given back at once.
      const releases: ReleaseSlot[] = [];
      let gone = false;
      socket.once("close", () => {
        gone = true;
        releases.forEach((r) => r());
      });
      /** Keeps `release` for the socket's close; false (released) when the socket is gone. */
      const keep = (release: ReleaseSlot): boolean => {
        releases.push(release);
        if (gone || socket.destroyed) release();
        return !(gone || socket.destroyed);
      };
      void (async () => {
        try {
          if (!keep(await perAddress.acquire(clientAddress(req), "来自同一地址的协作连接过多，请稍后再试"))) return socket.destroy();
          const generation = access.generation;
          const auth = await authenticateUpgrade(req.headers, sectionId, { origin: o.origin, secret: secret(), db: await db() });
          if (closing || socket.destroyed) return socket.destroy();
          if (!keep(await perAccount.acquire(auth.user.id, "同一账号打开的协作连接过多，请关闭多余的页面后刷新"))) return socket.destroy();
          if (closing) return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => accept(ws, sectionId, auth, extensions, generation));
        } catch (err) {
          rejectUpgrade(socket, err);
        }
      })();
      return true;
    },
    async close() {
      closing = true;
      perAccount.close?.();
      perAddress.close?.();
      offAccess();
      offReload();
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
