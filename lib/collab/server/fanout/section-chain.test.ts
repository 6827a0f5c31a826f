import { describe, expect, it } from "vitest";
import { SectionChain } from "./section-chain";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chain(dbMax: () => number) {
  const reads: number[] = [];
  const c = new SectionChain(async (after) => (reads.push(after), Math.max(after, dbMax())), 30, () => {});
  return { c, reads };
}

describe("SectionChain", () => {
  it("follows a complete chain without reading the database", async () => {
    const { c, reads } = chain(() => 0);
    c.loaded(10);
    c.saw({ id: 12, prev: 10 });
    c.saw({ id: 15, prev: 12 });
    await sleep(60);
    expect(c.last).toBe(15);
    expect(reads).toEqual([]);
  });

  it("waits for a late message within the grace time instead of repairing", async () => {
    const { c, reads } = chain(() => 0);
    c.loaded(10);
    c.saw({ id: 15, prev: 12 }); // 12 is late
    c.saw({ id: 12, prev: 10 });
    await sleep(60);
    expect(c.last).toBe(15);
    expect(reads).toEqual([]);
  });

  it("repairs a missing link from the last complete id", async () => {
    const { c, reads } = chain(() => 20);
    c.loaded(10);
    c.saw({ id: 15, prev: 12 }); // 12 never arrives
    await sleep(60);
    expect(reads).toEqual([10]);
    expect(c.last).toBe(20);
    expect(c.gap).toBe(false);
  });

  it("ignores rows it already has, and updates that arrive before loading wait for it", async () => {
    const { c, reads } = chain(() => 0);
    c.saw({ id: 5, prev: 3 });
    expect(c.last).toBeNull();
    c.loaded(5);
    c.saw({ id: 4, prev: 3 });
    await sleep(60);
    expect(c.last).toBe(5);
    expect(reads).toEqual([]);
  });

  it("a repair that fails is logged and leaves the chain where it was", async () => {
    const logs: string[] = [];
    const c = new SectionChain(async () => Promise.reject(new Error("db down")), 10, (m) => void logs.push(m));
    c.loaded(1);
    await c.repair();
    expect(c.last).toBe(1);
    expect(logs[0]).toMatch(/gap repair failed/);
  });
});
