import { describe, expect, it } from "vitest";
import { clusterRows, verdict, type ClusterResults } from "./report";

const side = (p99: number, dropped = 0) => ({
  n: 100, p50: p99 / 4, p95: p99 / 2, p99, max: p99, dropped, failedConnections: 0,
  savedAck: { n: 10, p50: 30, p95: 45, p99: 50, max: 60 }, serverCpuPcts: [20, 10, 10], generatorLagP99Ms: [5, 6], loadAvg1m: 1,
});

const results = (single: number, cross: number, dropped = 0): ClusterResults => ({
  mode: "quick",
  machine: { cpu: "cpu", cores: 2, memoryGB: 1, node: "v20", os: "linux", loadAvgAtStart: [0, 0, 0] },
  date: "2026-11-30T00:00:00.000Z",
  durationS: 90,
  instances: 3,
  load: { editors: 100, sections: 10, updatesPerSecondPerTypist: 5, typists: 100, seconds: 8, rounds: 1 },
  single: side(single),
  cross: side(cross, dropped),
  reference: { n: 100, p50: 1, p95: 2, p99: 3, max: 4, dropped: 0, serverCpuPct: 10 },
  ratioP99: Math.round((cross / single) * 100) / 100,
  targetMet: cross / single <= 1.5 && dropped === 0,
  scale: null,
  pinning: null,
  notes: [],
});

describe("cluster report", () => {
  it("marks the p99 ratio against 1.5× the single instance", () => {
    const row = (r: ClusterResults) => clusterRows(r).find((x) => x[0] === "propagation p99")!;
    expect(row(results(10, 14))).toEqual(["propagation p99", "10.0 ms", "14.0 ms", "1.40×", "≤ 1.5× single", "yes"]);
    expect(row(results(10, 31))[5]).toBe("NO");
  });

  it("shows each instance's CPU and fails the verdict on dropped updates", () => {
    const r = results(10, 12, 3);
    expect(clusterRows(r).find((x) => x[0].startsWith("server CPU"))![1]).toBe("20 / 10 / 10 %");
    expect(clusterRows(r).find((x) => x[0].startsWith("dropped"))![5]).toBe("NO");
    expect(verdict(r)).toMatch(/1\.20×.*NOT met$/);
    expect(verdict({ ...r, cross: { ...r.cross, generatorLagP99Ms: [5, 80] } })).toMatch(/inconclusive/);
  });
});
