/**
 * Starts the real Hegao server (production build, `node --import tsx server.ts`) for a test, on
 * a free port with its own data folder, and stops, kills or restarts it. The spawned PID is the
 * server's own, so SIGKILL really kills the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../bench/proc";
import { startNodeFlags } from "../../scripts/start-flags";

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far. */
  log(): string;
  /** SIGTERM and wait for exit (graceful: flushes open sections). */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit (a crash: nothing is flushed). */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>;
}

// HEGAO_E2E_START_MS: a longer start-up allowance on a loaded machine (default 90 s).
async function waitReady(url: string, proc: ChildProcess, output: () => string, timeoutMs = Number(process.env.HEGAO_E2E_START_MS) || 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/login`, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start in ${timeoutMs} ms:\n${output()}`);
}

/** Starts a server; `env` adds to (or overrides) the environment. */
export async function startServer(opts: { env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "hegao-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  let proc!: ChildProcess;
  const launch = async () => {
    proc = spawn(process.execPath, [...startNodeFlags(), "--import", "tsx", "server.ts"], { // like `npm start`
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir,
        NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1", ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    proc.stdout!.on("data", (d) => (out += d));
    proc.stderr!.on("data", (d) => (out += d));
    await waitReady(url, proc, () => out);
  };
  const exit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode) return resolve();
      proc.once("exit", () => resolve());
      proc.kill(signal);
    });
  await launch();
  return {
    url, port, dataDir,
    log: () => out,
    stop: () => exit("SIGTERM"),
    kill: () => exit("SIGKILL"),
    restart: launch,
  };
}
