/**
 * `npm run cluster -- --instances 3 [--port 8080] [--keep-db]`: a local cluster for trying
 * scale-out (README "Deployment: several instances"). Builds the app when no build exists,
 * recreates the database `hegao_cluster` on the local PostgreSQL (CLUSTER_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test names the server; `--keep-db` keeps the data), starts
 * N instances on ports port+1 … port+N with REDIS_URL (default redis://127.0.0.1:6379) and a
 * channel prefix of their own, then nginx (Debian package; installed with apt-get when missing)
 * on `port` as the round-robin load balancer with WebSocket upgrade. The first instance starts
 * alone (it migrates and seeds the demo); the others once its health check answers.
 * Ctrl-C stops everything (instances save their rooms first).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { nginxConfig } from "../lib/cluster/nginx-config";

const args = z.object({
  instances: z.coerce.number().int().min(1).max(16).default(3),
  port: z.coerce.number().int().min(1024).max(65000).default(8080),
  keepDb: z.boolean().default(false),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--instances") raw.instances = argv[++i];
    else if (argv[i] === "--port") raw.port = argv[++i];
    else if (argv[i] === "--keep-db") raw.keepDb = true;
    else throw new Error(`unknown argument ${argv[i]} (use --instances N, --port P, --keep-db)`);
  }
  return args.parse(raw);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const log = (m: string) => console.log(`[cluster] ${m}`);

async function recreateDatabase(serverUrl: string, name: string, keep: boolean): Promise<string> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!keep) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    if (!keep || !rowCount) await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function healthy(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on port ${port} not healthy within ${ms / 1000} s`);
}

function ensureNginx(): string {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  if (found) return found;
  log("nginx missing: apt-get install -y nginx-light");
  const r = spawnSync("apt-get", ["install", "-y", "nginx-light"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("nginx could not be installed; install the Debian package nginx (or nginx-light)");
  return "/usr/sbin/nginx";
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const nginx = ensureNginx();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no production build: next build");
    const r = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, HEGAO_BUILD_SKIP_TYPECHECK: "1" } });
    if (r.status !== 0) throw new Error("build failed");
  }
  const databaseUrl = await recreateDatabase(process.env.CLUSTER_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", "hegao_cluster", o.keepDb);
  const origin = `http://127.0.0.1:${o.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    HEGAO_REDIS_PREFIX: `hegao-cluster-${randomBytes(4).toString("hex")}:`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
    NEXTAUTH_URL: origin,
    TRUST_PROXY: "1",
  };
  const children: ChildProcess[] = [];
  const ports = Array.from({ length: o.instances }, (_, i) => o.port + 1 + i);
  const start = (port: number) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env: { ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "pipe"] });
    const tag = (d: Buffer) => d.toString().split("\n").filter(Boolean).forEach((l) => console.log(`[${port}] ${l}`));
    child.stdout!.on("data", tag);
    child.stderr!.on("data", tag);
    children.push(child);
  };
  const stop = () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  start(ports[0]);
  await healthy(ports[0], 120_000);
  ports.slice(1).forEach(start);
  await Promise.all(ports.slice(1).map((p) => healthy(p, 120_000)));
  const runDir = path.join(os.tmpdir(), `hegao-cluster-${o.port}`);
  for (const d of ["", "body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(runDir, d), { recursive: true, mode: 0o777 });
  writeFileSync(path.join(runDir, "nginx.conf"), nginxConfig({ listen: o.port, upstreams: ports.map((p) => `127.0.0.1:${p}`), runDir }));
  const lb = spawn(nginx, ["-c", path.join(runDir, "nginx.conf"), "-p", runDir], { stdio: "inherit" });
  children.push(lb);
  await healthy(o.port, 10_000);
  log(`${o.instances} instances on ports ${ports.join(", ")} behind nginx: ${origin} (database ${databaseUrl}, Redis ${env.REDIS_URL}); Ctrl-C stops`);
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
}

main().catch((err) => {
  console.error(`[cluster] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
