import { describe, expect, it } from "vitest";
import { instanceFor } from "./placement";

describe("instanceFor", () => {
  it("puts the whole room on instance 0 in single placement", () => {
    expect([0, 1, 2, 3].map((i) => instanceFor("single", i === 0 ? "writer" : "reader", i, 3))).toEqual([0, 0, 0, 0]);
  });

  it("puts the writer on instance 0 and the others round-robin over 1..N-1", () => {
    const roles = ["writer", "typist", "typist", "reader", "reader", "reader"] as const;
    expect(roles.map((r, i) => instanceFor("cross", r, i, 3))).toEqual([0, 1, 2, 1, 2, 1]);
    expect(roles.map((r, i) => instanceFor("cross", r, i, 2))).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it("never puts a receiving client on the writer's instance", () => {
    for (let n = 2; n <= 5; n++) for (let i = 1; i < 40; i++) expect(instanceFor("cross", "reader", i, n)).toBeGreaterThan(0);
  });

  it("refuses cross placement with one instance", () => {
    expect(() => instanceFor("cross", "reader", 1, 1)).toThrow(RangeError);
  });
});
