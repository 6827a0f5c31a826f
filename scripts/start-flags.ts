/**
 * The V8 flags of the production start command (`npm start` in package.json), read from
 * package.json so that the servers the benchmark and the end-to-end tests spawn run exactly
 * like production. Today: `--max-semi-space-size=32` (MiB). Why: the server's heap also holds
 * Next (≈ 120 MB old generation); with V8's default young generation (≈ 7 MB here) the
 * collaboration load triggered a scavenge every 150–300 ms and, through promotion, old-generation
 * marking with incremental steps of 12–38 ms, the propagation p99 spikes (`npm run bench --
 * --trace-gc`, README "Benchmarks"). 32 MiB semi-spaces: a scavenge every ≈ 0.8 s, no
 * mark-compact during the load.
 */
import fs from "node:fs";
import path from "node:path";

const PACKAGE_JSON = path.resolve(import.meta.dirname, "..", "package.json");

/**
 * The `--flag` / `--flag=value` arguments given to node in the `start` script, before
 * `--import`; e.g. `["--max-semi-space-size=32"]`.
 * @throws Error when package.json has no start script that runs node.
 */
export function startNodeFlags(packageJson = PACKAGE_JSON): string[] {
  const start: unknown = JSON.parse(fs.readFileSync(packageJson, "utf8")).scripts?.start;
  const m = typeof start === "string" ? start.match(/(?:^|\s)node\s+(.*?)\s*--import\b/) : null;
  if (!m) throw new Error(`package.json: no "start" script running node (${String(start)})`);
  return m[1].split(/\s+/).filter((a) => a.startsWith("--"));
}
