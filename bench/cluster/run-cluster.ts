/**
 * `npm run bench -- --instances N`: the cross-instance benchmark (issue 15). One run, one
 * N-instance cluster on a fresh PostgreSQL database and Redis (bench/cluster/start-instances.ts),
 * the same load in alternation (bench/load/compare.ts) as:
 * - "single": every editor of a section on instance 1 (the single-instance reference, same cluster);
 * - "cross": each section's stamped writer on instance 1, everybody else round-robin on
 *   instances 2..N (bench/cluster/placement.ts), so every measured arrival crossed Redis;
 * - the y-websocket reference server, as the normal bench runs it (context only).
 * Full mode adds the scale steps for "single" and "cross". Prints the table and writes
 * bench/results/latest-cluster[-quick].json (bench/cluster/report.ts). Everything it starts is
 * stopped, and its database dropped, before it returns.
 */
import fs from "node:fs";
import path from "node:path";
import type { BenchConfig } from "../config";
import { DIST_DIR, ensureBuild, ROOT, signIn } from "../hegao-server";
import { BenchClient, type Target } from "../load/client";
import { compareLoads } from "../load/compare";
import type { LoadOptions, LoadResult, LoadRoom } from "../load/run-load";
import { scaleSteps, type ScaleOutcome } from "../load/scale";
import { machineInfo } from "../machine";
import { pinPlan, pinSelf } from "../pinning";
import { createBenchDatabase } from "../postgres";
import { BENCH_PASSWORD, prepareData } from "../prepare";
import { startReferenceServer, type ReferenceServer } from "../reference-server";
import { instanceFor, type Placement } from "./placement";
import { printClusterTable, writeClusterResults, type ClusterResults } from "./report";
import { startInstances, type Cluster } from "./start-instances";

/** Runs the cross-instance bench with `cfg` (cfg.instances ≥ 2); `log` prints progress. @throws on a failed start or a read-only writer */
export async function runClusterBench(cfg: BenchConfig & { instances: number; postgres: string }, log: (m: string) => void): Promise<ClusterResults> {
  const started = performance.now();
  const notes: string[] = [];
  const machine = machineInfo();
  const build = ensureBuild(cfg.rebuild, cfg.reuseBuild);
  if (build.built) notes.push(`the bench built the app into ${DIST_DIR} first (${(build.ms / 1000).toFixed(0)} s)`);
  if (build.stale) notes.push(`${DIST_DIR} is older than the sources (--reuse-build)`);

  const db = await createBenchDatabase(cfg.postgres, `hegao_bench_cluster_${process.pid}`);
  let cluster: Cluster | null = null;
  let ref: ReferenceServer | null = null;
  let dataDir: string | null = null;
  try {
    log(`preparing ${cfg.rooms} load sections${cfg.scale ? ` and ${cfg.rooms} scale sections` : ""} on ${db.url.replace(/\/\/[^@]*@/, "//")}`);
    const data = await prepareData({ rooms: cfg.rooms, memoryRooms: 0, scaleRooms: cfg.scale ? cfg.rooms : 0, coldLogs: [], databaseUrl: db.url });
    dataDir = data.dataDir;
    const pin = pinPlan(!cfg.noPin);
    if (pin.plan) {
      pinSelf(pin.plan.generator);
      log(`pinned: instances and reference on cpu ${pin.plan.server}, load generator on cpu ${pin.plan.generator}`);
    } else notes.push(`not pinned: ${pin.reason}`);
    const redisPrefix = `hegao-bench-cluster-${process.pid}-${Date.now().toString(36)}:`;
    cluster = await startInstances({ instances: cfg.instances, databaseUrl: db.url, redisUrl: cfg.redisUrl, redisPrefix, cpus: pin.plan?.server });
    const servers = cluster.servers;
    log(`${servers.length} instances: ${servers.map((s) => s.url).join(", ")} (Redis ${cfg.redisUrl}, prefix ${redisPrefix})`);
    ref = await startReferenceServer(pin.plan?.server);

    const targets: Target[] = servers.map((s) => ({ kind: "hegao", serverUrl: s.url.replace(/^http/, "ws") + "/collab", origin: s.url }));
    const pids = servers.map((s) => s.child.pid);
    const cookies = new Map<string, Promise<string>>();
    const cookieOf = (u: string) => cookies.get(u) ?? cookies.set(u, signIn(servers[0].url, u, BENCH_PASSWORD)).get(u)!;
    const withCookies = (list: { id: string; username: string }[]) => Promise.all(list.map(async (s): Promise<LoadRoom> => ({ id: s.id, cookie: await cookieOf(s.username) })));
    // Across instances an edit travels only once committed (README), so a slow database delays
    // it: a longer drain than the normal bench's tells late updates from lost ones.
    const drainMs = Math.max(cfg.drainS, 5) * 1000;
    const base = (placement: Placement, rooms: LoadRoom[]): Omit<LoadOptions, "editors" | "typistsPerRoom" | "durationMs"> => ({
      target: targets[0], rooms, rate: cfg.rate, warmupMs: cfg.warmupS * 1000, drainMs, workers: cfg.workers,
      serverPid: pids[0], serverPids: pids, targetOf: (role, i) => targets[instanceFor(placement, role, i, targets.length)],
    });
    const refBase = (rooms: LoadRoom[]) => ({
      target: { kind: "reference", serverUrl: ref!.url } as Target, rooms: rooms.map((r) => ({ id: r.id })), rate: cfg.rate,
      warmupMs: cfg.warmupS * 1000, drainMs, workers: cfg.workers, serverPid: ref!.child.pid,
    });

    const rooms = await withCookies(data.loadSections);
    const load = { editors: cfg.editors, typistsPerRoom: cfg.typistsPerRoom, durationMs: cfg.durationS * 1000 };
    log(`propagation: ${cfg.editors} editors in ${rooms.length} sections, ${cfg.durationS} s per side in ${cfg.rounds} round(s)`);
    const [refLoad, single, cross] = await compareLoads(
      [
        { label: "reference", opts: { ...refBase(rooms), ...load } },
        { label: "single", opts: { ...base("single", rooms), ...load } },
        { label: "cross", opts: { ...base("cross", rooms), ...load } },
      ],
      cfg.rounds,
      (label, r) => log(`${label}: p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms, dropped ${r.dropped}, failed ${r.failedConnections}, saved ack p99 ${r.durableAck?.p99 ?? "—"} ms, server CPU ${r.serverCpuPcts.length ? r.serverCpuPcts.join("/") : r.serverCpuPct}%, generator lag p99 ${r.generatorLagP99Ms.join("/")} ms`),
    );
    if (single.dropped + cross.dropped + single.failedConnections + cross.failedConnections > 0) {
      const dir = path.join(ROOT, "bench", "results", "profiles");
      fs.mkdirSync(dir, { recursive: true });
      servers.forEach((s, i) => fs.writeFileSync(path.join(dir, `cluster-instance-${i + 1}.log`), s.child.log()));
      notes.push(`updates were dropped or clients failed: the instances' logs are in ${path.relative(ROOT, dir)}/cluster-instance-*.log`);
    }
    const readOnly = single.readOnlyWriters + cross.readOnlyWriters;
    if (readOnly) throw new Error(`${readOnly} typing clients were read-only: check section assignment and the shared NEXTAUTH_SECRET`);

    let scale: ScaleOutcome[] | null = null;
    if (cfg.scale) {
      const scaleRooms = await withCookies(data.scaleSections);
      // One idle client per section on every instance keeps the rooms loaded between steps.
      const keepers = targets.flatMap((t) => scaleRooms.map((r) => new BenchClient({ room: r.id, role: "reader", cookie: r.cookie, name: "keeper", presence: false }, t, { arrival() {}, durable() {} })));
      try {
        scale = await scaleSteps(
          [{ label: "single", base: base("single", scaleRooms) }, { label: "cross", base: base("cross", scaleRooms) }],
          { steps: cfg.scaleSteps, typists: cfg.scaleTypists, durationMs: cfg.scaleDurationS * 1000, p99LimitMs: 50 },
        );
      } finally {
        keepers.forEach((k) => k.destroy());
      }
    }
    if (Math.max(...single.generatorLagP99Ms, ...cross.generatorLagP99Ms) > 20) {
      notes.push("the load generator's event-loop delay p99 exceeded 20 ms: latencies include generator lag");
    }
    notes.push("saved acks: the writer's come from instance 1; in the cross load the other typists' come from the instance each is on");
    const results = clusterResults({ cfg, machine, started, single, cross, refLoad, scale, pin: pin.plan, notes, sections: rooms.length });
    printClusterTable(results);
    const files = writeClusterResults(path.join(ROOT, "bench", "results"), results);
    log(`wrote ${files.map((f) => path.relative(ROOT, f)).join(", ")}`);
    return results;
  } catch (err) {
    for (const s of cluster?.servers ?? []) console.error(`--- ${s.url}\n${s.child.log().slice(-2000)}`);
    throw err;
  } finally {
    await ref?.child.stop();
    await cluster?.stop();
    await db.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The JSON result from the loads. */
function clusterResults(o: {
  cfg: BenchConfig & { instances: number }; machine: ReturnType<typeof machineInfo>; started: number; single: LoadResult; cross: LoadResult;
  refLoad: LoadResult; scale: ScaleOutcome[] | null; pin: { server: string; generator: string } | null; notes: string[]; sections: number;
}): ClusterResults {
  const side = (r: LoadResult) => ({
    ...r.latency, dropped: r.dropped, failedConnections: r.failedConnections, savedAck: r.durableAck,
    serverCpuPcts: r.serverCpuPcts, generatorLagP99Ms: r.generatorLagP99Ms, loadAvg1m: r.loadAvg1m,
  });
  const ratioP99 = o.single.latency.p99 && o.cross.latency.p99 !== null ? Math.round((o.cross.latency.p99 / o.single.latency.p99) * 100) / 100 : null;
  return {
    mode: o.cfg.mode,
    machine: o.machine,
    date: new Date().toISOString(),
    durationS: Math.round((performance.now() - o.started) / 1000),
    instances: o.cfg.instances,
    load: { editors: o.cfg.editors, sections: o.sections, updatesPerSecondPerTypist: o.cfg.rate, typists: o.single.typists, seconds: o.cfg.durationS, rounds: o.cfg.rounds },
    single: side(o.single),
    cross: side(o.cross),
    reference: { ...o.refLoad.latency, dropped: o.refLoad.dropped, serverCpuPct: o.refLoad.serverCpuPct },
    ratioP99,
    targetMet: ratioP99 !== null && ratioP99 <= 1.5 && o.cross.dropped === 0 && o.single.dropped === 0 && o.cross.failedConnections === 0,
    scale: o.scale
      ? { typistsPerRoom: o.cfg.scaleTypists, seconds: o.cfg.scaleDurationS, single: o.scale[0].steps, cross: o.scale[1].steps, singleMax: o.scale[0].max, crossMax: o.scale[1].max }
      : null,
    pinning: o.pin,
    notes: o.notes,
  };
}
