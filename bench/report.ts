/**
 * The benchmark's result: the JSON written to bench/results/ (latest and a dated copy) and the
 * table printed to the terminal (also used as the Markdown table in the README), with the
 * Hegao/reference ratios and each target marked met or missed.
 */
import fs from "node:fs";
import path from "node:path";
import type { BundleSize } from "./bundle-size";
import type { ExportResult } from "./export";
import type { LoadResult } from "./load/run-load";
import type { MachineInfo } from "./machine";

export interface ScaleStep {
  editors: number;
  p50: number | null;
  p99: number | null;
  dropped: number;
  failedConnections: number;
  serverCpuPct: number | null;
  generatorLagP99Ms: number[];
}

export interface BenchResults {
  mode: "full" | "quick";
  machine: MachineInfo;
  date: string;
  durationS: number;
  propagation: {
    load: { editors: number; sections: number; updatesPerSecondPerTypist: number; typists: number; seconds: number };
    hegao: LoadResult["latency"] & { dropped: number; serverCpuPct: number | null; generatorLagP99Ms: number[]; loadAvg1m: number };
    reference: LoadResult["latency"] & { dropped: number; serverCpuPct: number | null; generatorLagP99Ms: number[]; loadAvg1m: number };
    ratioP50: number | null;
    ratioP99: number | null;
  };
  durableAckMs: { n: number; p50: number | null; p95: number | null; p99: number | null };
  /** Before: the long log; threshold: a log at the compaction threshold; after: the long log once compacted. */
  coldOpenMs: {
    rowsBefore: number | null; serverBefore: number | null; clientBefore: number | null;
    rowsThreshold: number | null; serverThreshold: number | null; clientThreshold: number | null;
    rowsAfter: number | null; serverAfter: number | null; clientAfter: number | null;
  };
  export: ExportResult;
  maxEditorsP99Under50ms: number | null;
  scale: { typistsPerRoom: number; seconds: number; hegao: ScaleStep[]; reference: ScaleStep[]; referenceMaxEditorsP99Under50ms: number | null } | null;
  memory: {
    rssPerRoomKB: number | null; rooms: number; baselineKB: number | null; openKB: number | null; afterUnloadKB: number | null; duringLoadKB: number | null;
    heapBaselineKB?: number | null; heapOpenKB?: number | null; heapPerRoomKB?: number | null;
  };
  bundle: BundleSize;
  /** taskset cpu-lists of the servers and of the load generator; null when not pinned. */
  pinning?: { server: string; generator: string } | null;
  notes: string[];
}

type Row = [metric: string, hegao: string, reference: string, ratio: string, target: string, met: string];

const f = (x: number | null | undefined, unit = "", digits = 1) => (x === null || x === undefined ? "—" : `${x.toFixed(digits)}${unit}`);
const ok = (cond: boolean | null) => (cond === null ? "—" : cond ? "yes" : "NO");

/** The result table rows (metric, Hegao, reference, ratio, target, met). */
export function tableRows(r: BenchResults): Row[] {
  const p = r.propagation;
  const ms = (x: number | null | undefined) => f(x, " ms");
  const c = r.coldOpenMs;
  const e = r.export;
  const refMax = r.scale?.referenceMaxEditorsP99Under50ms;
  return [
    [`propagation p50 (${p.load.editors} editors, ${p.load.sections} sections)`, ms(p.hegao.p50), ms(p.reference.p50), f(p.ratioP50, "×", 2), "", ""],
    ["propagation p95", ms(p.hegao.p95), ms(p.reference.p95), "", "", ""],
    ["propagation p99", ms(p.hegao.p99), ms(p.reference.p99), f(p.ratioP99, "×", 2), "≤ 1.1× reference", ok(p.ratioP99 === null ? null : p.ratioP99 <= 1.1)],
    ["server CPU during the load", f(p.hegao.serverCpuPct, " %", 0), f(p.reference.serverCpuPct, " %", 0), f(p.hegao.serverCpuPct && p.reference.serverCpuPct ? p.hegao.serverCpuPct / p.reference.serverCpuPct : null, "×", 1), "", ""],
    ["dropped updates", String(p.hegao.dropped), String(p.reference.dropped), "", "0", ok(p.hegao.dropped === 0)],
    ["saved ack p50 / p99", `${ms(r.durableAckMs.p50)} / ${ms(r.durableAckMs.p99)}`, "(no persistence)", "", "p99 ≤ 100 ms", ok(r.durableAckMs.p99 === null ? null : r.durableAckMs.p99 <= 100)],
    [`cold open, ${c.rowsBefore ?? "?"} rows: server / client`, `${ms(c.serverBefore)} / ${ms(c.clientBefore)}`, "", "", "≤ 50 ms server", ok(c.serverBefore === null ? null : c.serverBefore <= 50)],
    [`cold open, ${c.rowsThreshold ?? "?"} rows (compaction threshold)`, `${ms(c.serverThreshold)} / ${ms(c.clientThreshold)}`, "", "", "≤ 50 ms server", ok(c.serverThreshold === null ? null : c.serverThreshold <= 50)],
    [`cold open after compaction (${c.rowsAfter ?? "?"} rows)`, `${ms(c.serverAfter)} / ${ms(c.clientAfter)}`, "", "", "≤ 50 ms server", ok(c.serverAfter === null ? null : c.serverAfter <= 50)],
    [`export ${e.sections} sections / ${e.characters} chars → .docx`, ms(e.hegaoMs), e.pandocMs === null ? "(pandoc skipped)" : `${ms(e.pandocMs)} (pandoc)`, f(e.ratio, "×", 2), "≤ 1 s, ≤ pandoc", ok(e.hegaoMs === null ? null : e.hegaoMs <= 1000 && (e.ratio === null || e.ratio <= 1))],
    ["max editors with p99 ≤ 50 ms", r.maxEditorsP99Under50ms === null ? "—" : String(r.maxEditorsP99Under50ms), refMax == null ? "—" : String(refMax), "", "≥ 3000", ok(r.scale ? (r.maxEditorsP99Under50ms ?? 0) >= 3000 : null)],
    ...scaleRows(r),
    ["server RSS per open room", f(r.memory.rssPerRoomKB, " KB", 0), "", "", "", ""],
    ["collab heap per open room (after full GC)", f(r.memory.heapPerRoomKB, " KB", 0), "", "", "", ""],
    ["heap + external at rest (Next, app, PGlite WASM) / rooms open", `${f(r.memory.heapBaselineKB, "", 0)} / ${f(r.memory.heapOpenKB, " KB", 0)}`, "", "", "", ""],
    ["server RSS before / rooms open / after unload", `${f(r.memory.baselineKB, "", 0)} / ${f(r.memory.openKB, "", 0)} / ${f(r.memory.afterUnloadKB, " KB", 0)}`, "", "", "", ""],
    [`editor route JS (${r.bundle.route}), gzip`, r.bundle.note ? r.bundle.note : `${f(r.bundle.gzipKB, " KB")} (${r.bundle.files} files)`, "", "", "", ""],
  ];
}

/** One row per scale step: p99 of Hegao and of the reference at that many editors. */
function scaleRows(r: BenchResults): Row[] {
  if (!r.scale) return [];
  const sc = r.scale;
  const editors = [...new Set([...sc.hegao, ...sc.reference].map((s) => s.editors))].sort((a, b) => a - b);
  const cell = (steps: ScaleStep[], n: number) => {
    const s = steps.find((x) => x.editors === n);
    if (!s) return "(not run)";
    const extra = s.failedConnections ? `, ${s.failedConnections} failed` : s.dropped ? `, ${s.dropped} dropped` : "";
    return `${f(s.p99, " ms")}${extra}`;
  };
  return editors.map((n): Row => {
    const h = sc.hegao.find((x) => x.editors === n)?.p99;
    const ref = sc.reference.find((x) => x.editors === n)?.p99;
    return [`  scale: ${n} editors, p99 (${sc.typistsPerRoom} typist/section)`, cell(sc.hegao, n), cell(sc.reference, n), f(h != null && ref ? h / ref : null, "×", 2), "≤ 50 ms", ok(h == null ? null : h <= 50)];
  });
}

/** The table as Markdown. */
export function markdownTable(r: BenchResults): string {
  const head: Row = ["metric", "Hegao", "reference", "ratio", "target", "met"];
  const rows = [head, ["---", "---:", "---:", "---:", "---", "---"] as Row, ...tableRows(r)];
  return rows.map((row) => `| ${row.join(" | ")} |`).join("\n");
}

/** Prints the table as aligned text. */
export function printTable(r: BenchResults): void {
  const rows: Row[] = [["metric", "Hegao", "reference", "ratio", "target", "met"], ...tableRows(r)];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  const line = (row: Row) => row.map((cell, i) => cell + " ".repeat(widths[i] - [...cell].length)).join("  ");
  console.log(`\nHegao benchmark: ${machineLine(r)}`);
  console.log(line(rows[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.slice(1).forEach((row) => console.log(line(row)));
  for (const n of r.notes) console.log(`note: ${n}`);
}

/** One line naming the run and the machine. */
export function machineLine(r: Pick<BenchResults, "mode" | "machine" | "date" | "durationS">): string {
  const m = r.machine;
  return `${r.mode} run of ${r.date.slice(0, 10)}, ${r.durationS} s — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.os}; load average at start ${m.loadAvgAtStart.join(" ")}`;
}

/** Writes `latest[-quick].json`, a dated copy and `latest[-quick].md` (the table) under `dir`; returns the paths. */
export function writeResults(dir: string, r: BenchResults): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const suffix = r.mode === "quick" ? "-quick" : "";
  const json = JSON.stringify(r, null, 2) + "\n";
  const stamp = r.date.replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z");
  const files = [path.join(dir, `latest${suffix}.json`), path.join(dir, `${stamp}${suffix}.json`)];
  for (const file of files) fs.writeFileSync(file, json);
  const md = path.join(dir, `latest${suffix}.md`);
  fs.writeFileSync(md, `${machineLine(r)}\n\n${markdownTable(r)}\n${r.notes.map((n) => `\n- ${n}`).join("")}\n`);
  return [...files, md];
}
