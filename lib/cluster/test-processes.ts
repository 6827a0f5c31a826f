/**
 * Process and database helpers shared by the cluster tests (fanout, access-across, chaos):
 * a statement on the cluster tests' PostgreSQL server (CREATE / DROP DATABASE), and a child
 * process that resolves once its output matches a "ready" pattern. Free ports come from
 * bench/proc.ts `freePort`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { CLUSTER_PG_URL } from "./test-client";

/** Runs one statement on CLUSTER_PG_URL in its own connection. @throws the database's error */
export async function adminSql(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: CLUSTER_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Spawns `cmd argv` and resolves with the child once a chunk of its stdout/stderr matches
 * `ready`; every chunk is pushed onto `logs`.
 * @throws (rejects) when the process exits first, with its last output
 */
export function spawnReady(cmd: string, argv: string[], env: NodeJS.ProcessEnv, ready: RegExp, logs: string[] = []): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: ["ignore", "pipe", "pipe"] });
    const onData = (d: Buffer) => {
      logs.push(d.toString());
      if (ready.test(d.toString())) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${cmd} exited (${code}) before it was ready: ${logs.join("").slice(-400)}`)));
  });
}
