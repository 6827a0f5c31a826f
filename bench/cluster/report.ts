/**
 * The cross-instance bench's result (`bench/results/latest-cluster[-quick].json` + `.md`) and
 * its table: single instance vs cross-instance side by side, the ratio of their propagation
 * p99 and the issue's target (cross p99 ≤ 1.5× single, 0 dropped, everyone connected).
 */
import fs from "node:fs";
import path from "node:path";
import type { MachineInfo } from "../machine";
import { machineLine, type ScaleStep } from "../report";
import type { Percentiles } from "../stats";

export const TARGET_RATIO = 1.5;

interface Side extends Percentiles {
  dropped: number;
  failedConnections: number;
  savedAck: Percentiles | null;
  /** CPU share of each instance over the window (%), instance 1 first. */
  serverCpuPcts: (number | null)[];
  generatorLagP99Ms: number[];
  loadAvg1m: number;
}

export interface ClusterResults {
  mode: "full" | "quick";
  machine: MachineInfo;
  date: string;
  durationS: number;
  instances: number;
  load: { editors: number; sections: number; updatesPerSecondPerTypist: number; typists: number; seconds: number; rounds: number };
  /** Everybody on instance 1. */
  single: Side;
  /** Writers on instance 1, the others on instances 2..N. */
  cross: Side;
  /** y-websocket 2.1 reference server, same load (context). */
  reference: Percentiles & { dropped: number; serverCpuPct: number | null };
  /** cross p99 / single p99. */
  ratioP99: number | null;
  targetMet: boolean;
  scale: { typistsPerRoom: number; seconds: number; single: ScaleStep[]; cross: ScaleStep[]; singleMax: number | null; crossMax: number | null } | null;
  pinning: { server: string; generator: string } | null;
  notes: string[];
}

type Row = [metric: string, single: string, cross: string, ratio: string, target: string, met: string];
const ms = (x: number | null | undefined) => (x == null ? "—" : `${x.toFixed(1)} ms`);
const ok = (c: boolean | null) => (c === null ? "—" : c ? "yes" : "NO");
const div = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? `${(a / b).toFixed(2)}×` : "");

/** The table rows (metric, single instance, cross-instance, ratio, target, met). */
export function clusterRows(r: ClusterResults): Row[] {
  const { single: s, cross: c, load } = r;
  const cpu = (x: Side) => x.serverCpuPcts.map((p) => (p == null ? "—" : String(p))).join(" / ") + " %";
  const rows: Row[] = [
    [`propagation p50 (${load.editors} editors, ${load.sections} sections, ${load.updatesPerSecondPerTypist}/s)`, ms(s.p50), ms(c.p50), div(c.p50, s.p50), "", ""],
    ["propagation p95", ms(s.p95), ms(c.p95), div(c.p95, s.p95), "", ""],
    ["propagation p99", ms(s.p99), ms(c.p99), r.ratioP99 === null ? "" : `${r.ratioP99.toFixed(2)}×`, `≤ ${TARGET_RATIO}× single`, ok(r.ratioP99 === null ? null : r.ratioP99 <= TARGET_RATIO)],
    ["dropped updates / failed connections", `${s.dropped} / ${s.failedConnections}`, `${c.dropped} / ${c.failedConnections}`, "", "0", ok(s.dropped + c.dropped + s.failedConnections + c.failedConnections === 0)],
    ["saved ack p50 / p99", `${ms(s.savedAck?.p50)} / ${ms(s.savedAck?.p99)}`, `${ms(c.savedAck?.p50)} / ${ms(c.savedAck?.p99)}`, div(c.savedAck?.p99, s.savedAck?.p99), "", ""],
    [`server CPU, instances 1…${r.instances}`, cpu(s), cpu(c), "", "", ""],
    ["generator lag p99 (per thread)", s.generatorLagP99Ms.join(" / ") + " ms", c.generatorLagP99Ms.join(" / ") + " ms", "", "", ""],
    ["y-websocket reference p50 / p99 (one process)", `${ms(r.reference.p50)} / ${ms(r.reference.p99)}`, "", "", "", ""],
  ];
  if (r.scale) {
    const sc = r.scale;
    rows.push(["max editors with p99 ≤ 50 ms", sc.singleMax == null ? "—" : String(sc.singleMax), sc.crossMax == null ? "—" : String(sc.crossMax), "", "", ""]);
    const cell = (steps: ScaleStep[], n: number) => {
      const x = steps.find((st) => st.editors === n);
      if (!x) return "(not run)";
      return `${ms(x.p99)}${x.failedConnections ? `, ${x.failedConnections} failed` : x.dropped ? `, ${x.dropped} dropped` : ""}`;
    };
    for (const n of [...new Set([...sc.single, ...sc.cross].map((x) => x.editors))].sort((a, b) => a - b)) {
      const cp99 = sc.cross.find((x) => x.editors === n)?.p99;
      rows.push([`  scale: ${n} editors, p99 (${sc.typistsPerRoom} typist/section)`, cell(sc.single, n), cell(sc.cross, n), div(cp99, sc.single.find((x) => x.editors === n)?.p99), "≤ 50 ms", ok(cp99 == null ? null : cp99 <= 50)]);
    }
  }
  return rows;
}

const HEAD: Row = ["metric", "single instance", "cross-instance", "ratio", "target", "met"];

/** The summary line: the ratio and whether the issue's target is met. */
export function verdict(r: ClusterResults): string {
  // A generator that lagged adds its own delay to both sides and flattens their ratio.
  const lagged = Math.max(...r.single.generatorLagP99Ms, ...r.cross.generatorLagP99Ms) > 20;
  return `cross-instance p99 / single-instance p99 = ${r.ratioP99 === null ? "—" : `${r.ratioP99.toFixed(2)}×`} (target ≤ ${TARGET_RATIO}×, 0 dropped): ${r.targetMet ? "met" : "NOT met"}${lagged ? " (inconclusive: the load generator lagged, p99 > 20 ms)" : ""}`;
}

/** Prints the table as aligned text, then the verdict and the notes. */
export function printClusterTable(r: ClusterResults): void {
  const rows = [HEAD, ...clusterRows(r)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  const line = (row: Row) => row.map((cell, i) => cell + " ".repeat(widths[i] - [...cell].length)).join("  ");
  console.log(`\nHegao cross-instance benchmark (${r.instances} instances): ${machineLine(r)}`);
  console.log(line(HEAD));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.slice(1).forEach((row) => console.log(line(row)));
  console.log(verdict(r));
  for (const n of r.notes) console.log(`note: ${n}`);
}

/** Writes `latest-cluster[-quick].json` and `.md` (the table) under `dir`; returns the paths. */
export function writeClusterResults(dir: string, r: ClusterResults): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `latest-cluster${r.mode === "quick" ? "-quick" : ""}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify(r, null, 2) + "\n");
  const md = [HEAD, ["---", "---:", "---:", "---:", "---", "---"] as Row, ...clusterRows(r)].map((row) => `| ${row.join(" | ")} |`).join("\n");
  fs.writeFileSync(`${base}.md`, `${machineLine(r)}, ${r.instances} instances\n\n${md}\n\n${verdict(r)}\n${r.notes.map((n) => `\n- ${n}`).join("")}\n`);
  return [`${base}.json`, `${base}.md`];
}
