import { describe, expect, it } from "vitest";
import { PendingEdits } from "./pending";

const u = (n: number) => new Uint8Array([n]);

describe("PendingEdits", () => {
  it("a commit's mark confirms that instance's edits up to it, no others", () => {
    const p = new PendingEdits();
    p.add("A", 1, u(1));
    p.add("A", 2, u(2));
    p.add("A", 3, u(3));
    p.add("B", 1, u(9));
    p.confirm("A", 2);
    expect(p.size).toBe(2);
    expect(p.takeFrom("A").map((x) => x[0])).toEqual([3]);
    expect(p.takeFrom("B").map((x) => x[0])).toEqual([9]);
    expect(p.size).toBe(0);
  });

  it("hands back what waited too long and keeps what is recent", () => {
    const p = new PendingEdits();
    p.add("A", 1, u(1), 1000);
    p.add("A", 2, u(2), 5000);
    expect(p.takeOlderThan(3000).map((x) => x[0])).toEqual([1]);
    expect(p.size).toBe(1);
    p.confirm("A", 2);
    expect(p.takeOlderThan(10_000)).toEqual([]);
  });
});
