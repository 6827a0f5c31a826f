/**
 * Child processes of the benchmark (the reference server, the Hegao server): spawning with a
 * captured log, stopping by PID, and reading a process's memory (VmRSS) and CPU time from /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { pinPrefix } from "./pinning";

/** A spawned process with its accumulated output. */
export interface Child {
  proc: ChildProcess;
  pid: number;
  /** Everything printed so far (stdout + stderr). */
  log(): string;
  /** Resolves when `pattern` appears in the output (rejects on exit or after `timeoutMs`). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Sends `signal` (SIGTERM) and waits for the exit; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever way the bench ends, no server it started outlives it.
process.on("exit", () => running.forEach((p) => p.kill("SIGKILL")));

/**
 * Spawns `process.execPath args` in `cwd` with `env` added to this process's environment, on
 * the cores `cpus` (a taskset cpu-list) when given. The child is killed (SIGKILL) if this
 * process exits first.
 */
export function spawnNode(args: string[], opts: { cwd: string; env?: Record<string, string>; cpus?: string }): Child {
  // taskset execs the program, so the pid stays the server's own (bench/pinning.ts).
  const [cmd, ...argv] = [...pinPrefix(opts.cpus), process.execPath, ...args];
  const proc = spawn(cmd, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
  running.add(proc);
  proc.once("exit", () => running.delete(proc));
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    if (out.length > 4_000_000) out = out.slice(-2_000_000);
    for (const l of listeners) l();
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return {
    proc,
    pid: proc.pid!,
    log: () => out,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) done(() => resolve(m));
          else if (proc.exitCode !== null || proc.signalCode) done(() => reject(new Error(`process exited (${proc.exitCode ?? proc.signalCode}):\n${out.slice(-3000)}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${out.slice(-3000)}`))), timeoutMs);
        const done = (f: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          proc.off("exit", check);
          f();
        };
        listeners.add(check);
        proc.on("exit", check);
        check();
      });
    },
    async stop(signal = "SIGTERM", graceMs = 15_000) {
      if (proc.exitCode !== null || proc.signalCode) return;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Resident memory of process `pid` in KiB (VmRSS of /proc/<pid>/status); null when unreadable. */
export function rssKB(pid: number): number | null {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of process `pid` in ms, from /proc/<pid>/stat; null when unreadable. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
