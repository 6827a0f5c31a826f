/**
 * A load-generator thread (worker_threads): hosts whole rooms (writer, typists and readers of a
 * room live in the same thread, so a token's stamp and its arrival are read from one clock),
 * connects them, types for a window, and reports arrival latencies, durable-ack times, dropped
 * tokens and its own event-loop delay (to show whether the generator itself was saturated).
 * Commands from the parent: connect → connected; run → done; close → closed.
 */
import { parentPort, workerData } from "node:worker_threads";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { BenchClient, type ClientSpec, type Target } from "./client";
import { sleep } from "../stats";

export interface WorkerInput {
  target: Target;
  clients: ClientSpec[];
  /** Updates per second of each typing client. */
  rate: number;
  connectConcurrency: number;
}

export type WorkerCommand =
  | { cmd: "connect" }
  | { cmd: "run"; warmupMs: number; durationMs: number; drainMs: number }
  | { cmd: "close" };

export interface WorkerRunResult {
  type: "done";
  latencies: Float64Array;
  durable: Float64Array;
  sent: number;
  expected: number;
  received: number;
  lagMs: { p50: number; p99: number; max: number };
}

const input = workerData as WorkerInput;
const port = parentPort!;
const clients: BenchClient[] = [];
process.setMaxListeners(0); // every provider adds an exit listener
let latencies: number[] = [];
let durable: number[] = [];
let recording = false;
const recorder = {
  arrival: (_room: string, _seq: number, ms: number) => void latencies.push(ms),
  durable: (ms: number) => void (recording && durable.push(ms)),
};

async function connect(): Promise<void> {
  const t0 = performance.now();
  let failed = 0;
  const queue = [...input.clients];
  async function lane() {
    for (let spec = queue.shift(); spec; spec = queue.shift()) {
      const c = new BenchClient(spec, spec.target ?? input.target, recorder);
      clients.push(c);
      await c.whenSynced(60_000).catch(() => void failed++);
    }
  }
  await Promise.all(Array.from({ length: input.connectConcurrency }, lane));
  if (input.target.kind === "hegao") await sleep(300); // message 100 follows the sync
  const readOnly = clients.filter((c) => c.spec.role !== "reader" && input.target.kind === "hegao" && c.writable !== true).length;
  port.postMessage({ type: "connected", clients: clients.length, failed, readOnly, ms: performance.now() - t0 });
}

async function run(warmupMs: number, durationMs: number, drainMs: number): Promise<void> {
  const typing = clients.filter((c) => c.spec.role !== "reader");
  typing.forEach((c) => c.addParagraph());
  await sleep(500);
  const period = 1000 / input.rate;
  let stamped = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  for (const c of typing) {
    const stampedWriter = c.spec.role === "writer";
    timers.push(setTimeout(() => {
      c.type(stampedWriter && stamped);
      timers.push(setInterval(() => c.type(stampedWriter && stamped), period));
    }, Math.random() * period));
  }
  await sleep(warmupMs);
  latencies = [];
  durable = [];
  recording = true;
  stamped = true;
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  await sleep(durationMs);
  stamped = false;
  timers.forEach((t) => clearInterval(t));
  eld.disable();
  await sleep(drainMs);
  recording = false;
  const sent = typing.filter((c) => c.spec.role === "writer").reduce((n, c) => n + c.seq, 0);
  const readersOf = (room: string) => clients.filter((c) => c.spec.room === room && c.spec.role !== "writer").length;
  const expected = typing.filter((c) => c.spec.role === "writer").reduce((n, c) => n + c.seq * readersOf(c.spec.room), 0);
  const result: WorkerRunResult = {
    type: "done",
    latencies: Float64Array.from(latencies),
    durable: Float64Array.from(durable),
    sent,
    expected,
    received: latencies.length,
    lagMs: { p50: eld.percentile(50) / 1e6, p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 },
  };
  port.postMessage(result, [result.latencies.buffer as ArrayBuffer, result.durable.buffer as ArrayBuffer]);
}

port.on("message", (m: WorkerCommand) => {
  const fail = (err: unknown) => port.postMessage({ type: "error", message: err instanceof Error ? err.stack : String(err) });
  if (m.cmd === "connect") connect().catch(fail);
  else if (m.cmd === "run") run(m.warmupMs, m.durationMs, m.drainMs).catch(fail);
  else if (m.cmd === "close") {
    clients.forEach((c) => c.destroy());
    setTimeout(() => port.postMessage({ type: "closed" }), 200);
  }
});
