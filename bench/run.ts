/**
 * `npm run bench`: measures Hegao against the references in one run and prints the table
 * (bench/report.ts), writing it as JSON under bench/results/. Order: build check; data folder
 * (+ export benchmark on it); the y-websocket reference server's load (and scale steps); the
 * Hegao server's load with saved acks (and scale steps), room memory, cold opens before and
 * after the rooms unload (compacted); the editor route's bundle size. Every process it starts
 * is stopped before it exits; loopback only. `--instances N` runs bench/cluster/run-cluster.ts instead.
 */
import fs from "node:fs";
import path from "node:path";
import { routeBundleSize } from "./bundle-size";
import { runClusterBench } from "./cluster/run-cluster";
import { coldOpen } from "./cold-open";
import { parseConfig } from "./config";
import { benchExport, type ExportResult } from "./export";
import { DIST_DIR, ensureBuild, ROOT, signIn, startHegao } from "./hegao-server";
import { BenchClient, type Target } from "./load/client";
import { compareLoads } from "./load/compare";
import type { LoadOptions, LoadRoom } from "./load/run-load";
import { scaleSteps } from "./load/scale";
import { machineInfo } from "./machine";
import { roomMemory } from "./memory";
import { createBenchDatabase } from "./postgres";
import { BENCH_PASSWORD, prepareData } from "./prepare";
import { pinPlan, pinSelf } from "./pinning";
import { rssKB } from "./proc";
import { startReferenceServer } from "./reference-server";
import { printTable, writeResults, type BenchResults } from "./report";
import { median, ratio, round, sleep } from "./stats";

const cfg = parseConfig(process.argv.slice(2));
const started = performance.now();
const log = (m: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${m}`);
const notes: string[] = [];
const machine = machineInfo();
process.setMaxListeners(0);
// Watchdog: a stuck run ends (and takes its servers with it, see proc.ts) instead of hanging CI.
setTimeout(() => {
  console.error("[bench] gave up after 30 minutes");
  process.exit(2);
}, 30 * 60_000).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

// --instances N: the cross-instance bench instead (its own build check, database, servers and table).
if (cfg.instances !== null) {
  await runClusterBench({ ...cfg, instances: cfg.instances, postgres: cfg.postgres! }, log);
  process.exit(0);
}

const build = ensureBuild(cfg.rebuild, cfg.reuseBuild);
if (build.built) log(`built in ${(build.ms / 1000).toFixed(0)} s`);
if (build.stale) notes.push(`${DIST_DIR} is older than the sources (--reuse-build): the bundle size may be stale`);

log("preparing the data folder (accounts, sections, 20,000-row logs) and the export benchmark");
let exportResult!: ExportResult;
const pgDb = cfg.postgres ? await createBenchDatabase(cfg.postgres) : null;
if (pgDb) notes.push("Hegao ran on PostgreSQL (--postgres), not on the embedded PGlite");
const data = await prepareData(
  { rooms: Math.max(cfg.rooms, 1), memoryRooms: cfg.memoryRooms, scaleRooms: cfg.scale ? cfg.rooms : 0, coldLogs: cfg.coldLogs, databaseUrl: pgDb?.url },
  async (db) => void (exportResult = await benchExport(db, { runs: cfg.exportRuns, installPandoc: cfg.installPandoc })),
);
log(`data folder ${data.dataDir}; export ${exportResult.hegaoMs} ms vs pandoc ${exportResult.pandocMs} ms`);

const base = (target: Target, rooms: LoadRoom[], pid: number): Omit<LoadOptions, "editors" | "typistsPerRoom" | "durationMs"> => ({
  target, rooms, rate: cfg.rate, warmupMs: cfg.warmupS * 1000, drainMs: cfg.drainS * 1000, workers: cfg.workers, serverPid: pid,
});
const scaleOpts = { steps: cfg.scaleSteps, typists: cfg.scaleTypists, durationMs: cfg.scaleDurationS * 1000, p99LimitMs: 50 };

// Both servers run side by side; the loads alternate between them (bench/load/compare.ts).
// The reference: y-websocket 2.1, same rooms (by name), same load, no auth, no persistence.
// Hegao: the real server, signed-in editors, persistence and read-only enforcement on.
// Pinning (bench/pinning.ts): servers on one set of cores, this process and its generator
// threads (started later, so they inherit it) on the others.
const pin = pinPlan(!cfg.noPin);
if (pin.plan) {
  pinSelf(pin.plan.generator);
  log(`pinned: servers on cpu ${pin.plan.server}, load generator on cpu ${pin.plan.generator}`);
} else notes.push(`not pinned: ${pin.reason}`);
const ref = await startReferenceServer(pin.plan?.server);
const profileDir = path.join(ROOT, "bench", "results", "profiles");
const hegao = await startHegao(data.dataDir, {
  env: { HEGAO_COLLAB_TIMING: "1", HEGAO_BENCH_HEAP: "1", ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) },
  nodeArgs: ["--expose-gc", ...(cfg.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), ...(cfg.traceGc ? ["--trace-gc"] : [])],
  cpus: pin.plan?.server,
});
let refLoad, hegaoLoad, refScale, hegaoScale, memory, coldBefore, coldAfter, afterUnloadKB;
const BIG = Math.max(...cfg.coldLogs);
try {
  const pid = hegao.child.pid;
  const cookies = new Map<string, string>();
  const cookieOf = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await signIn(hegao.url, username, BENCH_PASSWORD));
    return cookies.get(username)!;
  };
  const target: Target = { kind: "hegao", serverUrl: hegao.url.replace(/^http/, "ws") + "/collab", origin: hegao.url };
  const refTarget: Target = { kind: "reference", serverUrl: ref.url };
  const withCookies = async (list: { id: string; username: string }[]) =>
    Promise.all(list.map(async (s) => ({ id: s.id, cookie: await cookieOf(s.username) })));
  const rooms = await withCookies(data.loadSections);
  const refRooms = data.loadSections.map((s) => ({ id: s.id }));
  // Memory first, on a fresh server (a heap grown by the load would absorb new rooms).
  memory = await roomMemory(target, hegao.child, await withCookies(data.memorySections));
  log(`memory: ${memory.rssPerRoomKB} KB RSS per open room (${memory.baselineKB} → ${memory.openKB} KB); heap ${memory.heapPerRoomKB} KB per room (${memory.heapBaselineKB} → ${memory.heapOpenKB} KB)`);
  log(`propagation: ${cfg.editors} editors in ${rooms.length} sections, ${cfg.durationS} s per server in ${cfg.rounds} round(s)`);
  const load = { editors: cfg.editors, typistsPerRoom: cfg.typistsPerRoom, durationMs: cfg.durationS * 1000 };
  [refLoad, hegaoLoad] = await compareLoads(
    [
      { label: "reference", opts: { ...base(refTarget, refRooms, ref.child.pid), ...load } },
      { label: "hegao", opts: { ...base(target, rooms, pid), ...load } },
    ],
    cfg.rounds,
    (label, r) => log(`${label}: p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms, saved ack p99 ${r.durableAck?.p99 ?? "—"} ms, server CPU ${r.serverCpuPct}%, generator lag p99 ${r.generatorLagP99Ms.join("/")} ms`),
  );
  if (hegaoLoad.readOnlyWriters) throw new Error(`${hegaoLoad.readOnlyWriters} typing clients were read-only: check section assignment`);
  if (cfg.scale) {
    const scaleRooms = await withCookies(data.scaleSections);
    const refScaleRooms = data.scaleSections.map((s) => ({ id: s.id }));
    // One idle client per section keeps the rooms loaded between steps (an empty room unloads after 30 s).
    const keepers = [...scaleRooms.map((r) => ({ ...r, t: target })), ...refScaleRooms.map((r) => ({ ...r, cookie: undefined, t: refTarget }))]
      .map((r) => new BenchClient({ room: r.id, role: "reader", cookie: r.cookie, name: "keeper", presence: false }, r.t, { arrival() {}, durable() {} }));
    try {
      [refScale, hegaoScale] = await scaleSteps(
        [{ label: "reference", base: base(refTarget, refScaleRooms, ref.child.pid) }, { label: "hegao", base: base(target, scaleRooms, pid) }],
        scaleOpts,
      );
    } finally {
      keepers.forEach((k) => k.destroy());
    }
  }
  await ref.child.stop();
  const cold = await withCookies(data.coldSections);
  coldBefore = await coldOpen(target, hegao.child, cold);
  log(`cold open before compaction: ${JSON.stringify(coldBefore)}; waiting ${cfg.unloadWaitS} s for the rooms to unload`);
  await sleep(cfg.unloadWaitS * 1000);
  afterUnloadKB = rssKB(pid);
  coldAfter = await coldOpen(target, hegao.child, cold.filter((_, i) => data.coldSections[i].rows === BIG));
  log(`cold open after compaction: ${JSON.stringify(coldAfter)}`);
} finally {
  await ref.child.stop();
  await hegao.child.stop();
  if (cfg.traceGc) {
    fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(profileDir, `server-${Date.now()}.log`), hegao.child.log());
  }
  if (process.exitCode) console.error(hegao.child.log().slice(-3000));
  await pgDb?.drop();
}

const bundle = routeBundleSize(path.join(ROOT, DIST_DIR), "(app)/sections/[id]/page", "/sections/[id]");
const pick = (xs: { serverMs: number | null; clientMs: number; rows: number | null }[]) => ({
  server: round(median(xs.flatMap((x) => (x.serverMs === null ? [] : [x.serverMs]))), 2),
  client: round(median(xs.map((x) => x.clientMs)), 2),
  rows: xs[0]?.rows ?? null,
});
const cb = pick(coldBefore.filter((x) => x.rows === BIG));
const ct = pick(coldBefore.filter((x) => x.rows !== BIG));
const ca = pick(coldAfter);
const lat = (r: typeof hegaoLoad) => ({
  ...r.latency, dropped: r.dropped, serverCpuPct: r.serverCpuPct, generatorLagP99Ms: r.generatorLagP99Ms, loadAvg1m: r.loadAvg1m,
});
if (Math.max(...hegaoLoad.generatorLagP99Ms, ...refLoad.generatorLagP99Ms) > 20) {
  notes.push("the load generator's event-loop delay p99 exceeded 20 ms: latencies include generator lag (2-core machine shared by server and clients)");
}
if (build.built) notes.push(`the bench built the app into ${DIST_DIR} first (${(build.ms / 1000).toFixed(0)} s)`);
const results: BenchResults = {
  mode: cfg.mode,
  machine,
  date: new Date().toISOString(),
  durationS: Math.round((performance.now() - started) / 1000),
  propagation: {
    load: { editors: cfg.editors, sections: data.loadSections.length, updatesPerSecondPerTypist: cfg.rate, typists: hegaoLoad.typists, seconds: cfg.durationS },
    hegao: lat(hegaoLoad),
    reference: lat(refLoad),
    ratioP50: ratio(hegaoLoad.latency.p50, refLoad.latency.p50),
    ratioP99: ratio(hegaoLoad.latency.p99, refLoad.latency.p99),
  },
  durableAckMs: { n: hegaoLoad.durableAck?.n ?? 0, p50: hegaoLoad.durableAck?.p50 ?? null, p95: hegaoLoad.durableAck?.p95 ?? null, p99: hegaoLoad.durableAck?.p99 ?? null },
  coldOpenMs: {
    rowsBefore: cb.rows, serverBefore: cb.server, clientBefore: cb.client,
    rowsThreshold: ct.rows, serverThreshold: ct.server, clientThreshold: ct.client,
    rowsAfter: ca.rows, serverAfter: ca.server, clientAfter: ca.client,
  },
  export: exportResult,
  maxEditorsP99Under50ms: hegaoScale?.max ?? null,
  scale: hegaoScale && refScale
    ? { typistsPerRoom: cfg.scaleTypists, seconds: cfg.scaleDurationS, hegao: hegaoScale.steps, reference: refScale.steps, referenceMaxEditorsP99Under50ms: refScale.max }
    : null,
  memory: { ...memory, afterUnloadKB: afterUnloadKB ?? null, duringLoadKB: hegaoLoad.serverRssKB },
  bundle,
  pinning: pin.plan,
  notes,
};
printTable(results);
const files = writeResults(path.join(ROOT, "bench", "results"), results);
log(`wrote ${files.map((f) => path.relative(ROOT, f)).join(", ")}`);
fs.rmSync(data.dataDir, { recursive: true, force: true });
