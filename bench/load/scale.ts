/**
 * Scale steps: the same load with more editors (N = 200, 500, 1000…) in the same sections,
 * `typists` typing per room (the stamped writer included), the rest connected and reading
 * without a presence state (3,000 full browser-like clients on a 2-core machine would make
 * the generator, not the server, the bottleneck: every presence renewal fans out to the room).
 * Each step runs every side in turn (the reference, then Hegao); a side stops after a step that
 * drops updates, fails to connect everyone or whose p99 exceeds 4× the limit. The answer per
 * side is the largest N whose p99 stayed within the limit.
 */
import type { ScaleStep } from "../report";
import { runLoad, type LoadOptions } from "./run-load";

type Base = Omit<LoadOptions, "editors" | "typistsPerRoom" | "durationMs">;

export interface ScaleOutcome {
  steps: ScaleStep[];
  max: number | null;
}

/** Runs the steps for every side; returns each side's steps and largest passing N (null if none). */
export async function scaleSteps(
  sides: { label: string; base: Base }[],
  opts: { steps: number[]; typists: number; durationMs: number; p99LimitMs: number },
): Promise<ScaleOutcome[]> {
  const out: (ScaleOutcome & { done: boolean })[] = sides.map(() => ({ steps: [], max: null, done: false }));
  for (const editors of opts.steps) {
    for (const [i, side] of sides.entries()) {
      if (out[i].done) continue;
      const r = await runLoad({ ...side.base, editors, typistsPerRoom: opts.typists, readerPresence: false, durationMs: opts.durationMs });
      out[i].steps.push({
        editors, p50: r.latency.p50, p99: r.latency.p99, dropped: r.dropped, failedConnections: r.failedConnections,
        serverCpuPct: r.serverCpuPct, generatorLagP99Ms: r.generatorLagP99Ms,
      });
      console.log(`[bench] ${side.label} scale ${editors} editors: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, dropped ${r.dropped}, failed ${r.failedConnections}, server CPU ${r.serverCpuPct}%, generator lag p99 ${r.generatorLagP99Ms.join("/")} ms`);
      const clean = r.latency.p99 !== null && r.dropped === 0 && r.failedConnections === 0;
      if (clean && r.latency.p99! <= opts.p99LimitMs) out[i].max = editors;
      // A step just over the limit may be noise on a shared machine: go on unless clearly beyond.
      if (!clean || r.latency.p99! > 4 * opts.p99LimitMs) out[i].done = true;
    }
  }
  return out.map(({ steps, max }) => ({ steps, max }));
}
