/**
 * The one Node process of Hegao: serves Next (App Router) and the collaboration WebSocket at
 * `/collab/<sectionId>` on the same port. `npm run dev` / `npm start` run it.
 * Env: PORT (3000), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL,
 * HEGAO_COLLAB_CONNECTIONS_PER_ACCOUNT / _PER_ADDRESS / HEGAO_COLLAB_FRAMES_PER_SECOND (README),
 * TRUST_PROXY (1: X-Forwarded-* come from our own reverse proxy), SMTP_URL / MAIL_FROM /
 * REDIS_URL (cluster mode, with DATABASE_URL; HEGAO_REDIS_PREFIX names its channels and
 * the connection-limit keys),
 * HEGAO_DIGEST_AT (notification e-mail; the outbox worker, lib/notify/outbox/worker.ts). Every request first passes
 * lib/http/guard.ts (forwarded headers, client address, Origin check, security headers).
 * Background: the deadline-reminder scheduler (lib/chase/reminder-scheduler.ts).
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { loadServerEnv } from "./lib/server-env";
import { closeDb, getDbHandle } from "./db/client";
import { createCollabServer } from "./lib/collab/server/attach";
import { collabLimitsFromEnv } from "./lib/collab/server/options";
import { guardRequest } from "./lib/http/guard";
import { trustProxy } from "./lib/http/client-address";
import { refuseOversizedAction } from "./lib/import/upload-limit";
import { startReminderScheduler } from "./lib/chase/reminder-scheduler";
import { startOutbox } from "./lib/notify/outbox/start";
import { clusterRedisUrl } from "./lib/cluster/config";
import { startCluster } from "./lib/cluster/start";
import { channelUrl, newChannelToken, writeChannelCard } from "./lib/admin-channel/channel-file";
import { handleChannelRequest, type ChannelOptions } from "./lib/admin-channel/endpoint";

const dev = process.env.NODE_ENV !== "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main() {
  const env = loadServerEnv();
  // Open, migrate and (on an empty database) seed before accepting requests; a locked data
  // folder fails here with a clear message instead of on the first request.
  const handle = await getDbHandle();
  // Cluster mode (README "Deployment: several instances"): REDIS_URL with DATABASE_URL.
  const redisUrl = clusterRedisUrl(process.env, handle.kind);
  const cluster = redisUrl
    ? startCluster({ redisUrl, db: async () => handle.db, timings: { prefix: process.env.HEGAO_REDIS_PREFIX || undefined }, log: (m, e) => (e ? console.error(`[hegao] ${m}:`, e instanceof Error ? e.message : e) : console.log(`[hegao] ${m}`)) })
    : null;
  // Deliveries committed before a crash go out once the database is open (lib/notify/outbox).
  const outbox = startOutbox(handle.db);
  const server = http.createServer();
  const app = next({ dev, hostname: env.host, port: env.port, httpServer: server });
  const handle_ = app.getRequestHandler();
  await app.prepare();
  const collab = createCollabServer(server, { origin: env.origin, ...collabLimitsFromEnv(), fanout: cluster?.fanout, connectionLimits: cluster?.connectionLimits });
  const guard = { appOrigin: env.origin, trustProxy: trustProxy(), dev };
  // Admin channel (README "Admin CLI"): with the embedded database the CLI cannot open the
  // data folder while we hold it, so it sends its command here; the token is new at each start.
  const channel: ChannelOptions | null = handle.kind === "pglite"
    ? { token: newChannelToken(), run: async ({ argv, cwd }) => (await import("./scripts/cli/run-command")).runCommand(argv, { cwd }) }
    : null;
  let removeCard = () => {};
  server.on("request", (req, res) => {
    if (channel && handleChannelRequest(req, res, channel)) return;
    if (!guardRequest(req, res, guard)) return; // forwarded headers, Origin, security headers
    if (refuseOversizedAction(req, res)) return; // 413 in Chinese instead of Next's 500
    void handle_(req, res);
  });
  // Next 16 adds its own HMR upgrade listener in dev; we only answer /collab/*.
  server.on("upgrade", (req, socket, head) => {
    socket.on("error", () => socket.destroy());
    collab.handleUpgrade(req, socket, head);
  });
  server.listen(env.port, env.host, () => {
    console.log(`[hegao] ${dev ? "dev" : "production"} server on ${env.origin} (database: ${handle.kind}${cluster ? `, cluster instance ${cluster.fanout.instanceId} via Redis` : ""})`);
    if (channel) {
      const port = (server.address() as import("node:net").AddressInfo).port;
      removeCard = writeChannelCard(path.resolve(env.dataDir), { pid: process.pid, url: channelUrl(env.host, port), token: channel.token });
      process.once("exit", () => removeCard());
    }
  });
  // Deadline reminders: a run now (catching up after a downtime), then every 10 minutes.
  const reminders = startReminderScheduler({ db: async () => handle.db });

  // Benchmark hook (bench/memory.ts): on SIGUSR2, a full GC (when run with --expose-gc) and the
  // heap figures, so the bench can tell the rooms' heap from the baseline (Next and the rest).
  if (process.env.HEGAO_BENCH_HEAP === "1") {
    process.on("SIGUSR2", () => {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      console.log(`[bench heap] used ${m.heapUsed} external ${m.external} arrayBuffers ${m.arrayBuffers}`);
    });
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[hegao] ${signal}: saving open sections and stopping`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    removeCard();
    await reminders.stop().catch(() => {});
    await collab.close().catch((err) => console.error("[hegao] collab close failed", err));
    await outbox.stop().catch(() => {});
    await cluster?.stop().catch(() => {});
    server.close();
    await closeDb().catch(() => {});
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  console.error(`[hegao] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
