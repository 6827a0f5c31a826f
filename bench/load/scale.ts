/**
 * Scale steps: the same load with more editors (N = 200, 500, 1000…) in the same sections,
 * `typists` typing per room (the stamped writer included), the rest connected and reading
 * without a presence state (3,000 full browser-like clients on a 2-core machine would make
 * the generator, not the server, the bottleneck: every presence renewal fans out to the room).
 * Stops after the first step whose p99 exceeds the limit (or that drops updates or fails to
 * connect everyone); the answer is the largest N that stayed within it.
 */
import type { ScaleStep } from "../report";
import { runLoad, type LoadOptions } from "./run-load";

/** Runs the steps in order; returns every step run and the largest passing N (null if none). */
export async function scaleSteps(
  base: Omit<LoadOptions, "editors" | "typistsPerRoom" | "durationMs">,
  opts: { steps: number[]; typists: number; durationMs: number; p99LimitMs: number; label: string },
): Promise<{ steps: ScaleStep[]; max: number | null }> {
  const steps: ScaleStep[] = [];
  let max: number | null = null;
  for (const editors of opts.steps) {
    const r = await runLoad({ ...base, editors, typistsPerRoom: opts.typists, readerPresence: false, durationMs: opts.durationMs });
    const step: ScaleStep = {
      editors, p50: r.latency.p50, p99: r.latency.p99, dropped: r.dropped, failedConnections: r.failedConnections,
      serverCpuPct: r.serverCpuPct, generatorLagP99Ms: r.generatorLagP99Ms,
    };
    steps.push(step);
    console.log(`[bench] ${opts.label} scale ${editors} editors: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, dropped ${r.dropped}, server CPU ${r.serverCpuPct}%, generator lag p99 ${r.generatorLagP99Ms.join("/")} ms`);
    const pass = r.latency.p99 !== null && r.latency.p99 <= opts.p99LimitMs && r.dropped === 0 && r.failedConnections === 0;
    if (!pass) break;
    max = editors;
  }
  return { steps, max };
}
