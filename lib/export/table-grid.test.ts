import { describe, expect, it } from "vitest";
import { columnFractions, layoutTable } from "./table-grid";
import type { TableCell } from "./types";

const c = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ runs: [{ text }], ...extra });

describe("layoutTable", () => {
  it("places cells around rowspans and pads ragged rows", () => {
    const t = layoutTable([[c("A", { rowspan: 2 }), c("B", { colspan: 2 })], [c("C")], []]);
    expect(t.columns).toBe(3);
    expect(t.slots.map((row) => row.map((s) => (s.origin ? s.cell.runs[0]?.text ?? "·" : "^")))).toEqual([
      ["A", "B", "^"],
      ["^", "C", "·"],
      ["·", "·", "·"],
    ]);
    expect(t.rows.map((r) => r.length)).toEqual([2, 2, 3]);
  });

  it("clips a rowspan running past the last row", () => {
    const t = layoutTable([[c("A", { rowspan: 9 }), c("B")], [c("C")]]);
    expect(t.rows[0]?.[0]?.rowspan).toBe(2);
    expect(t.columns).toBe(2);
  });
});

describe("columnFractions", () => {
  it("gives long columns more room, within 2–16 characters, summing to 1", () => {
    const f = columnFractions(layoutTable([[c("新发展党员人数（名）"), c("40"), c("说明".repeat(30))]]));
    expect(f.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(f[0]).toBeGreaterThan(f[1]!);
    expect(f[2]! / f[1]!).toBeLessThanOrEqual(16 / 2);
  });
});
