/**
 * CPU pinning for a fair benchmark on a small machine (issue 14): the server under test and
 * the load generator run on separate cores, so that a latency figure measures the server and
 * not a generator starved by it (or the other way round). Both servers (the reference and
 * Hegao) get the SAME server cores; the bench process (and the worker threads it starts
 * afterwards, which inherit its affinity) gets the others.
 *
 * Split: the first half of the cores (at least one) for the server, the rest for the
 * generator; 2 cores → server `0`, generator `1`. Skipped (plan null, reason given) when
 * `taskset` is missing, there is only one core, or `--no-pin`.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";

export interface PinPlan {
  /** taskset cpu-list of the servers under test, e.g. "0". */
  server: string;
  /** taskset cpu-list of the load generator (this process and its workers), e.g. "1". */
  generator: string;
}

const list = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);

/** Whether `taskset` (util-linux) can be run. */
function hasTaskset(): boolean {
  return spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;
}

/** The pinning plan for this machine; `{ plan: null, reason }` when pinning is skipped. */
export function pinPlan(enabled = true, cores = os.availableParallelism()): { plan: PinPlan | null; reason?: string } {
  if (!enabled) return { plan: null, reason: "pinning disabled (--no-pin)" };
  if (cores < 2) return { plan: null, reason: `only ${cores} core: server and generator share it` };
  if (!hasTaskset()) return { plan: null, reason: "taskset not found: server and generator not pinned" };
  const serverCores = Math.max(1, Math.floor(cores / 2));
  return { plan: { server: list(0, serverCores - 1), generator: list(serverCores, cores - 1) } };
}

/**
 * Pins this process (every thread it has now, and so the threads it starts later) to `cpus`.
 * @throws Error with taskset's message when it fails.
 */
export function pinSelf(cpus: string): void {
  const r = spawnSync("taskset", ["-a", "-p", "-c", cpus, String(process.pid)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`taskset failed: ${r.stderr || r.error?.message}`);
}

/** The command prefix that starts a program on `cpus` (empty without a plan). */
export function pinPrefix(cpus: string | undefined): string[] {
  return cpus ? ["taskset", "-c", cpus] : [];
}
