/**
 * The Hegao server under test: the production build in `.next-bench` (built by the bench when
 * missing), started like `npm start` and e2e/support/server.ts (`node <the start script's V8
 * flags> --import tsx server.ts`, scripts/start-flags.ts), NODE_ENV=production, loopback, a free port, the bench's data folder), and sign-in over HTTP
 * (`/api/auth/csrf` + `/api/auth/callback/credentials`) returning the session cookie.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startNodeFlags } from "../scripts/start-flags";
import { freePort, spawnNode, type Child } from "./proc";
import { sleep } from "./stats";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DIST_DIR = ".next-bench";

/** Newest modification time (ms) of the files under `dirs` (skipping node_modules and dot folders). */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) walk(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  dirs.forEach((d) => walk(path.join(ROOT, d)));
  return newest;
}

/**
 * Builds the app into `.next-bench` when it has no build, when app/, lib/, db/ or the configs
 * changed since (unless `reuse`), or when `force`; restores tsconfig.json (next build edits it).
 * @throws with the build output when next build fails.
 */
export function ensureBuild(force: boolean, reuse = false): { built: boolean; ms: number; stale: boolean } {
  const dist = path.join(ROOT, DIST_DIR);
  const id = fs.statSync(path.join(dist, "BUILD_ID"), { throwIfNoEntry: false });
  const stale = !!id && newestMtime(["app", "lib", "db", "next.config.js", "package.json"]) > id.mtimeMs;
  if (!force && id && (!stale || reuse)) return { built: false, ms: 0, stale };
  console.log(`[bench] building the app into ${DIST_DIR} (next build)…`);
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = fs.readFileSync(tsconfig, "utf8");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (fs.readFileSync(tsconfig, "utf8") !== before) fs.writeFileSync(tsconfig, before); // next adds its dist folder
  if (r.status !== 0) throw new Error(`next build failed:\n${(r.stdout ?? "") + (r.stderr ?? "")}`.slice(-6000));
  return { built: true, ms: performance.now() - t0, stale: false };
}

export interface HegaoServer {
  url: string;
  child: Child;
}

/** Starts the server on `dataDir` (on the cores `cpus` when given); resolves once `/login` answers. `nodeArgs` go before `--import tsx`. */
export async function startHegao(dataDir: string, opts: { env?: Record<string, string>; nodeArgs?: string[]; cpus?: string } = {}): Promise<HegaoServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode([...startNodeFlags(), ...(opts.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, NEXTAUTH_URL: url,
      NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1",
      // The load generator is thousands of people on one address, sharing one account per
      // section: the per-account and per-address socket limits (README) would refuse them.
      HEGAO_COLLAB_CONNECTIONS_PER_ACCOUNT: "0", HEGAO_COLLAB_CONNECTIONS_PER_ADDRESS: "0", ...opts.env,
    },
    cpus: opts.cpus,
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.proc.exitCode !== null) throw new Error(`server exited with ${child.proc.exitCode}:\n${child.log().slice(-4000)}`);
    try {
      const res = await fetch(`${url}/login`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await child.stop("SIGKILL");
      throw new Error(`server did not start in 120 s:\n${child.log().slice(-4000)}`);
    }
    await sleep(200);
  }
  return { url, child };
}

const pairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/**
 * Signs `username` in over HTTP like a script; returns the Cookie header value holding the
 * session. @throws when the credentials are refused.
 */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: pairs(csrf).join("; ") },
    body: new URLSearchParams({ username, password, csrfToken, json: "true" }),
  });
  const session = pairs(res).find((c) => /next-auth\.session-token/.test(c));
  if (!session) throw new Error(`sign-in of ${username} refused (HTTP ${res.status})`);
  return session;
}
