/**
 * Command-line options of `npm run bench` and the two presets: the full run (the issue's
 * default load: 200 editors in 20 sections typing 5 updates/s each for 30 s, plus the scale
 * steps) and `--quick` (a smaller load, no scale steps, under 2 minutes).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { DEFAULT_POSTGRES } from "./postgres";

export interface BenchConfig {
  mode: "full" | "quick";
  editors: number;
  rooms: number;
  rate: number;
  /** Typing clients per room in the default load (Infinity: every editor types). */
  typistsPerRoom: number;
  durationS: number;
  /** The default load's window per server is split into this many alternating rounds. */
  rounds: number;
  warmupS: number;
  drainS: number;
  workers: number;
  scale: boolean;
  scaleSteps: number[];
  scaleTypists: number;
  scaleDurationS: number;
  memoryRooms: number;
  /** Rows in the log of each cold-open section (20,000, and 200 = the compaction threshold). */
  coldLogs: number[];
  exportRuns: number;
  unloadWaitS: number;
  rebuild: boolean;
  reuseBuild: boolean;
  installPandoc: boolean;
  cpuProf: boolean;
  /** --trace-gc: run the Hegao server with `--trace-gc`, its log saved beside the profiles. */
  traceGc: boolean;
  /** --no-pin: do not pin servers and generator to separate cores (bench/pinning.ts). */
  noPin: boolean;
  /** PostgreSQL server URL to run Hegao on instead of PGlite (a fresh database is created). */
  postgres: string | null;
  /** --instances N (≥ 2): the cross-instance bench (bench/cluster/), on PostgreSQL + Redis; null: the normal bench. */
  instances: number | null;
  /** Redis of the cluster mode (REDIS_URL, default redis://127.0.0.1:6379). */
  redisUrl: string;
}

const DEFAULT_REDIS = "redis://127.0.0.1:6379";

const USAGE = `npm run bench [-- options]
  --quick               smaller load, no scale steps (< 2 min)
  --scale / --no-scale  step editors up (${[200, 500, 1000, 2000, 3000].join(", ")}); on by default in the full run
  --editors N --rooms R --rate K --duration S   the default load
  --typists T           typing editors per room in the default load (default: all)
  --rounds n            alternate reference/Hegao n times within the window (full: 2)
  --scale-steps a,b,c   --scale-typists T (default 1)   --scale-duration S
  --workers W           load-generator threads (default: cores)
  --rebuild             rebuild .next-bench even if it is up to date
  --reuse-build         use .next-bench even when sources changed since it was built
  --no-pandoc-install   do not apt-get install pandoc when missing
  --cpu-prof            write a V8 CPU profile of the Hegao server (bench/results/profiles/)
  --trace-gc            run the Hegao server with --trace-gc; its log goes to bench/results/profiles/
  --no-pin              do not pin the servers and the load generator to separate cores (taskset)
  --postgres, --postgres-url URL   run Hegao on a fresh PostgreSQL database (default ${DEFAULT_POSTGRES})
  --instances N         cross-instance bench: N ≥ 2 Hegao instances on PostgreSQL + Redis (REDIS_URL,
                        default ${DEFAULT_REDIS}); writers on instance 1, readers on 2..N, against
                        everybody on instance 1; writes bench/results/latest-cluster[-quick].json`;

/** Parses `argv` (without node and script). @throws with the usage text on unknown options. */
export function parseConfig(argv: string[]): BenchConfig {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean" }, scale: { type: "boolean" }, "no-scale": { type: "boolean" },
      editors: { type: "string" }, rounds: { type: "string" }, rooms: { type: "string" }, rate: { type: "string" }, duration: { type: "string" },
      typists: { type: "string" }, "scale-steps": { type: "string" }, "scale-typists": { type: "string" },
      "scale-duration": { type: "string" }, workers: { type: "string" }, rebuild: { type: "boolean" }, "reuse-build": { type: "boolean" },
      "no-pandoc-install": { type: "boolean" }, "cpu-prof": { type: "boolean" }, "trace-gc": { type: "boolean" }, "no-pin": { type: "boolean" }, help: { type: "boolean" },
      postgres: { type: "boolean" }, "postgres-url": { type: "string" }, instances: { type: "string" },
    },
  });
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = v.quick === true;
  const num = (s: string | undefined, d: number) => {
    if (s === undefined) return d;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`invalid number "${s}"\n${USAGE}`);
    return n;
  };
  const instances = v.instances === undefined ? null : num(v.instances, 0);
  if (instances !== null && (!Number.isInteger(instances) || instances < 2)) throw new Error(`--instances takes an integer ≥ 2\n${USAGE}`);
  return {
    mode: quick ? "quick" : "full",
    editors: num(v.editors, quick ? 100 : 200),
    rooms: num(v.rooms, quick ? 10 : 20),
    rate: num(v.rate, 5),
    typistsPerRoom: num(v.typists, Infinity),
    durationS: num(v.duration, quick ? 8 : 30),
    rounds: num(v.rounds, quick ? 1 : 2),
    warmupS: quick ? 2 : 3,
    drainS: quick ? 2 : 3,
    workers: num(v.workers, Math.max(2, os.cpus().length)),
    scale: v["no-scale"] ? false : v.scale === true || !quick,
    scaleSteps: v["scale-steps"] ? v["scale-steps"].split(",").map((s) => num(s, 0)) : [200, 500, 1000, 2000, 3000],
    scaleTypists: num(v["scale-typists"], 1),
    scaleDurationS: num(v["scale-duration"], quick ? 6 : 10),
    memoryRooms: quick ? 20 : 60,
    coldLogs: quick ? [20_000, 200] : [20_000, 20_000, 200],
    exportRuns: quick ? 3 : 7,
    unloadWaitS: 38, // the collab server unloads an empty room after 30 s (options.ts)
    rebuild: v.rebuild === true,
    reuseBuild: v["reuse-build"] === true,
    installPandoc: v["no-pandoc-install"] !== true,
    cpuProf: v["cpu-prof"] === true,
    traceGc: v["trace-gc"] === true,
    noPin: v["no-pin"] === true,
    // The cluster mode needs a shared database: it implies --postgres.
    postgres: v["postgres-url"] ?? (v.postgres || instances !== null ? DEFAULT_POSTGRES : null),
    instances,
    redisUrl: process.env.REDIS_URL ?? DEFAULT_REDIS,
  };
}
