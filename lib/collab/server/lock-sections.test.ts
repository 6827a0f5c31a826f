import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { lockSections } from "./persistence";

// Concurrency needs two connections: PostgreSQL only (PGlite has one).
const pgTarget = testDbTargets().find((t) => t.name === "postgres");

describe.skipIf(!pgTarget)("lockSections (PostgreSQL)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await pgTarget!.open();
  });
  afterAll(async () => h?.close());

  it("takes every section's lock in one statement: a second transaction on one of them waits for the first", async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = h.db.transaction(async (tx) => {
      await lockSections(tx, ["s-b", "s-a", "s-c"]);
      order.push("first locked");
      await gate;
      order.push("first done");
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = h.db.transaction(async (tx) => {
      await lockSections(tx, ["s-c"]);
      order.push("second locked");
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(order).toEqual(["first locked"]); // still waiting for s-c
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first locked", "first done", "second locked"]);
    // Sections not held by anyone are free at once.
    await h.db.transaction(async (tx) => lockSections(tx, ["s-d", "s-e"]));
  });
});
