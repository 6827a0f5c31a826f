/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, as written by `npm run bench -- --cpu-prof`):
 * the functions with the most self time and the most total (inclusive) time, with file:line.
 * Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [top=25] [filter]
 *        node --import tsx bench/profile-summary.ts <file.cpuprofile> --categories
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total milliseconds per function (name + location) of `profile`. */
export function summarizeProfile(profile: Profile): { key: string; selfMs: number; totalMs: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const key = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url.replace(/^.*\/(node_modules\/|work\/main\/)/, "");
    return `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    selfBy.set(key(byId.get(id)!), (selfBy.get(key(byId.get(id)!)) ?? 0) + ms);
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue; // recursion counts once
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  return [...totalBy].map(([k, totalMs]) => ({ key: k, selfMs: selfBy.get(k) ?? 0, totalMs }));
}

/** Self time (ms) by coarse category: where the server's CPU went. */
export function categorize(profile: Profile): Record<string, number> {
  const rules: [string, RegExp][] = [
    ["idle", /^\(idle\)/],
    ["PGlite (database, WASM + JS)", /pglite|wasm/],
    ["socket writes (writev/write syscalls)", /^(writev|writeBuffer|writeUtf8String) /],
    ["ws (frames)", /node_modules\/ws\/|^ws\//],
    ["drizzle-orm", /drizzle-orm/],
    ["yjs / lib0 / y-protocols", /yjs|lib0|y-protocols/],
    ["Hegao collab server (lib/collab)", /lib\/collab/],
    ["Hegao other lib/", /lib\//],
    ["Next.js", /next\//],
    ["garbage collector", /garbage collector/],
    ["module loading / compile", /loader|compile|esm|tsx/],
  ];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/node_modules\//, "")}`;
    const cat = rules.find(([, re]) => re.test(key))?.[0] ?? "other (node internals, program)";
    out[cat] = (out[cat] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return out;
}

if (process.argv[1]?.endsWith("profile-summary.ts") && process.argv[3] === "--categories") {
  const cats = categorize(JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as Profile);
  const busy = Object.entries(cats).filter(([k]) => k !== "idle").reduce((n, [, v]) => n + v, 0);
  for (const [k, v] of Object.entries(cats).sort((a, b) => b[1] - a[1])) {
    console.log(`${v.toFixed(0).padStart(7)} ms  ${k === "idle" ? "     " : `${((v / busy) * 100).toFixed(0).padStart(3)} %`}  ${k}`);
  }
} else if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const [file, topArg, filter] = process.argv.slice(2);
  const top = Number(topArg ?? 25);
  const rows = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as Profile).filter((r) => !filter || r.key.includes(filter));
  const fmt = (r: { key: string; selfMs: number; totalMs: number }) => `${r.selfMs.toFixed(0).padStart(7)} ${r.totalMs.toFixed(0).padStart(7)}  ${r.key}`;
  console.log("   self   total  (ms) — by self time");
  rows.sort((a, b) => b.selfMs - a.selfMs).slice(0, top).forEach((r) => console.log(fmt(r)));
  console.log("\n   self   total  (ms) — by total time");
  rows.sort((a, b) => b.totalMs - a.totalMs).slice(0, top).forEach((r) => console.log(fmt(r)));
}
