/**
 * Runs one propagation load against a server: N editors spread over the given rooms (whole
 * rooms per worker thread), one stamped writer per room, `typistsPerRoom` clients typing
 * `rate` updates/s each (the writer included), the rest reading. Returns latency percentiles
 * (writer's local update → each reader's applied update), dropped tokens, durable-ack times
 * (Hegao), the generator threads' event-loop delay, and the server's CPU share over the window.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { cpuMs, rssKB } from "../proc";
import { round, summarize, type Percentiles } from "../stats";
import type { ClientSpec, Role, Target } from "./client";
import type { WorkerCommand, WorkerInput, WorkerRunResult } from "./worker";

export interface LoadRoom {
  id: string;
  /** Session cookie of an account allowed to write the room (Hegao). */
  cookie?: string;
}

export interface LoadOptions {
  target: Target;
  rooms: LoadRoom[];
  editors: number;
  /** Typing clients per room, the stamped writer included (≥ 1); Infinity = every editor types. */
  typistsPerRoom: number;
  /** Readers publish presence too (default true); typists always do. */
  readerPresence?: boolean;
  rate: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  workers: number;
  /** The server's PID, for its CPU and memory figures. */
  serverPid?: number;
  /** Cluster mode: each client's server by role and index in its room (default: `target`). */
  targetOf?: (role: Role, indexInRoom: number) => Target;
  /** Cluster mode: every instance's PID, for one CPU share per instance (`serverCpuPcts`). */
  serverPids?: number[];
}

export interface LoadResult {
  target: Target["kind"];
  editors: number;
  rooms: number;
  typists: number;
  rate: number;
  durationS: number;
  latency: Percentiles;
  durableAck: Percentiles | null;
  sent: number;
  expected: number;
  received: number;
  dropped: number;
  connectMs: number;
  failedConnections: number;
  readOnlyWriters: number;
  generatorLagP99Ms: number[];
  serverCpuPct: number | null;
  /** CPU share (%) of each of `serverPids` over the window, in their order (empty without them). */
  serverCpuPcts: (number | null)[];
  serverRssKB: number | null;
  /** The machine's 1-minute load average when the window ended (other work skews the figures). */
  loadAvg1m: number;
  /** Raw samples (ms), for merging rounds; not written to the results. */
  samples: { latencies: Float64Array; durable: Float64Array };
}

const WORKER = new URL("./worker.ts", import.meta.url).href;

function startWorker(input: WorkerInput): Worker {
  // tsx must be registered inside the thread before the TypeScript module is imported.
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
  return new Worker(boot, { eval: true, workerData: input });
}

function ask<T>(w: Worker, cmd: WorkerCommand, expect: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const on = (m: { type: string; message?: string }) => {
      if (m.type === "error") reject(new Error(`load worker: ${m.message}`));
      else if (m.type === expect) resolve(m as T);
      else return;
      w.off("message", on);
    };
    w.on("message", on);
    w.once("error", reject);
    w.postMessage(cmd);
  });
}

/** Builds the client list of every room: editors split evenly, client 0 the writer. */
function specs(opts: LoadOptions): ClientSpec[][] {
  const perRoom = opts.rooms.map((_, i) => Math.floor(opts.editors / opts.rooms.length) + (i < opts.editors % opts.rooms.length ? 1 : 0));
  return opts.rooms.map((room, r) =>
    Array.from({ length: perRoom[r] }, (_, i): ClientSpec => {
      const role: Role = i === 0 ? "writer" : i < opts.typistsPerRoom ? "typist" : "reader";
      return {
        room: room.id,
        role,
        presence: i < opts.typistsPerRoom || opts.readerPresence !== false,
        cookie: room.cookie,
        name: `bench-${r}-${i}`,
        ...(opts.targetOf ? { target: opts.targetOf(role, i) } : {}),
      };
    }),
  );
}

/** Runs the load; every worker is terminated before this resolves. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const byRoom = specs(opts);
  const nWorkers = Math.max(1, Math.min(opts.workers, opts.rooms.length));
  const inputs: WorkerInput[] = Array.from({ length: nWorkers }, () => ({ target: opts.target, clients: [], rate: opts.rate, connectConcurrency: 25 }));
  byRoom.forEach((clients, r) => inputs[r % nWorkers].clients.push(...clients));
  const workers = inputs.map(startWorker);
  try {
    const connected = await Promise.all(
      workers.map((w) => ask<{ ms: number; failed: number; readOnly: number }>(w, { cmd: "connect" }, "connected")),
    );
    const cpu0 = opts.serverPid ? cpuMs(opts.serverPid) : null;
    const cpus0 = (opts.serverPids ?? []).map(cpuMs);
    const t0 = performance.now();
    let rss: number | null = null;
    const rssTimer = setTimeout(() => (rss = opts.serverPid ? rssKB(opts.serverPid) : null), opts.warmupMs + opts.durationMs / 2);
    const results = await Promise.all(
      workers.map((w) => ask<WorkerRunResult>(w, { cmd: "run", warmupMs: opts.warmupMs, durationMs: opts.durationMs, drainMs: opts.drainMs }, "done")),
    );
    clearTimeout(rssTimer);
    const cpu1 = opts.serverPid ? cpuMs(opts.serverPid) : null;
    const cpus1 = (opts.serverPids ?? []).map(cpuMs);
    const elapsed = performance.now() - t0;
    const share = (a: number | null, b: number | null) => (a !== null && b !== null ? round(((b - a) / elapsed) * 100, 0) : null);
    const latencies = concat(results.map((r) => r.latencies));
    const durable = concat(results.map((r) => r.durable));
    const sum = (f: (r: WorkerRunResult) => number) => results.reduce((n, r) => n + f(r), 0);
    return {
      target: opts.target.kind,
      editors: opts.editors,
      rooms: opts.rooms.length,
      typists: Math.min(opts.typistsPerRoom, Math.ceil(opts.editors / opts.rooms.length)) * opts.rooms.length,
      rate: opts.rate,
      durationS: opts.durationMs / 1000,
      latency: summarize(latencies),
      durableAck: durable.length ? summarize(durable) : null,
      sent: sum((r) => r.sent),
      expected: sum((r) => r.expected),
      received: sum((r) => r.received),
      dropped: Math.max(0, sum((r) => r.expected) - sum((r) => r.received)),
      connectMs: Math.round(Math.max(...connected.map((c) => c.ms))),
      failedConnections: connected.reduce((n, c) => n + c.failed, 0),
      readOnlyWriters: connected.reduce((n, c) => n + c.readOnly, 0),
      generatorLagP99Ms: results.map((r) => round(r.lagMs.p99, 1) ?? 0),
      serverCpuPct: share(cpu0, cpu1),
      serverCpuPcts: cpus0.map((a, i) => share(a, cpus1[i])),
      serverRssKB: rss,
      loadAvg1m: round(os.loadavg()[0], 2) ?? 0,
      samples: { latencies, durable },
    };
  } finally {
    await Promise.all(workers.map((w) => ask(w, { cmd: "close" }, "closed").catch(() => {})));
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** One result from several rounds of the same load (samples pooled, counts summed). */
export function mergeLoads(parts: LoadResult[]): LoadResult {
  const latencies = concat(parts.map((p) => p.samples.latencies));
  const durable = concat(parts.map((p) => p.samples.durable));
  const sum = (f: (r: LoadResult) => number) => parts.reduce((n, r) => n + f(r), 0);
  const cpu = parts.every((p) => p.serverCpuPct !== null) ? round(sum((p) => p.serverCpuPct!) / parts.length, 0) : null;
  return {
    ...parts[0],
    durationS: sum((p) => p.durationS),
    latency: summarize(latencies),
    durableAck: durable.length ? summarize(durable) : null,
    sent: sum((p) => p.sent),
    expected: sum((p) => p.expected),
    received: sum((p) => p.received),
    dropped: sum((p) => p.dropped),
    connectMs: Math.max(...parts.map((p) => p.connectMs)),
    failedConnections: sum((p) => p.failedConnections),
    readOnlyWriters: sum((p) => p.readOnlyWriters),
    generatorLagP99Ms: parts.flatMap((p) => p.generatorLagP99Ms),
    serverCpuPct: cpu,
    serverCpuPcts: parts[0].serverCpuPcts.map((_, i) =>
      parts.every((p) => p.serverCpuPcts[i] != null) ? round(sum((p) => p.serverCpuPcts[i]!) / parts.length, 0) : null,
    ),
    serverRssKB: parts[parts.length - 1].serverRssKB,
    loadAvg1m: round(sum((p) => p.loadAvg1m) / parts.length, 2) ?? 0,
    samples: { latencies, durable },
  };
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
