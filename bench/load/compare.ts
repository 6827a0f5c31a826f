/**
 * Runs the same load against several servers in alternation (A, B, A, B…), each round a part
 * of the window, and pools each server's rounds: on a machine shared with other work, both
 * servers then meet the same background load, so their ratio is fair even when the absolute
 * figures drift.
 */
import { mergeLoads, runLoad, type LoadOptions, type LoadResult } from "./run-load";

export interface Side {
  label: string;
  opts: LoadOptions;
}

/**
 * Runs `rounds` rounds of every side's load, each `opts.durationMs / rounds` long; returns one
 * pooled result per side, in the order given. `onRound` hears about each finished round.
 */
export async function compareLoads(sides: Side[], rounds: number, onRound?: (label: string, r: LoadResult) => void): Promise<LoadResult[]> {
  const parts: LoadResult[][] = sides.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, side] of sides.entries()) {
      const r = await runLoad({ ...side.opts, durationMs: side.opts.durationMs / rounds });
      parts[i].push(r);
      onRound?.(side.label, r);
    }
  }
  return parts.map(mergeLoads);
}
