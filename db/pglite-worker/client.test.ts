import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "../client";
import { departments, sectionUpdates, users } from "../schema";
import { ensureOrganisation } from "@/lib/demo/ensure-organisation";

/** Reads what the app reads back from both kinds of embedded database. */
async function snapshot(h: DbHandle) {
  const u = await h.db.select().from(users).where(eq(users.username, "admin"));
  const q = await h.db.query.users.findFirst({ where: eq(users.username, "admin") });
  const [dept] = await h.db.select().from(departments).where(eq(departments.id, u[0].departmentId));
  return { user: u[0], viaQuery: q, dept };
}

describe("PGlite in its own thread (db/pglite-worker)", () => {
  let threaded: DbHandle;
  let inProcess: DbHandle;
  beforeAll(async () => {
    [threaded, inProcess] = await Promise.all([openDatabase({ memory: true, thread: {} }), openDatabase({ memory: true })]);
    for (const h of [threaded, inProcess]) await ensureOrganisation(h.db, { ...process.env, HEGAO_DEMO: "1" });
  }, 60_000);
  afterAll(async () => {
    await threaded?.close();
    await inProcess?.close();
  });

  it("migrates and returns the same types as in-process PGlite (dates, booleans, json, query API)", async () => {
    const a = await snapshot(threaded);
    const b = await snapshot(inProcess);
    expect(a.user.createdAt).toBeInstanceOf(Date);
    expect(a.user.notificationPrefs).toEqual(b.user.notificationPrefs);
    expect(typeof a.user.disabled).toBe("boolean");
    expect({ ...a.user, id: "", createdAt: null, passwordHash: "", departmentId: "" }).toEqual({ ...b.user, id: "", createdAt: null, passwordHash: "", departmentId: "" });
    expect(a.viaQuery?.createdAt).toEqual(a.user.createdAt);
    expect(a.dept.name).toBe(b.dept.name);
  });

  it("round-trips bytea and bigint ids", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const res = (await threaded.db.execute(sql`select ${bytes}::bytea as b, 9007199254740993::bigint as n`)) as unknown as { rows: { b: Uint8Array; n: string }[] };
    const row = res.rows[0];
    expect(Array.from(row.b)).toEqual(Array.from(bytes));
    expect(String(row.n)).toBe("9007199254740993");
  });

  it("commits a transaction and rolls one back when its callback throws", async () => {
    const [dept] = await threaded.db.select().from(departments).limit(1);
    await threaded.db.transaction(async (tx) => {
      await tx.update(departments).set({ name: "已提交" }).where(eq(departments.id, dept.id));
    });
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.update(departments).set({ name: "应回滚" }).where(eq(departments.id, dept.id));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const [after] = await threaded.db.select().from(departments).where(eq(departments.id, dept.id));
    expect(after.name).toBe("已提交");
  });

  it("serialises transactions: a query outside waits until the open transaction ends", async () => {
    const [dept] = await threaded.db.select().from(departments).limit(1);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = threaded.db.transaction(async (t) => {
      await t.update(departments).set({ name: "事务中" }).where(eq(departments.id, dept.id));
      order.push("tx wrote");
      await gate;
      await t.update(departments).set({ name: "事务后" }).where(eq(departments.id, dept.id));
      order.push("tx done");
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = threaded.db.select().from(departments).where(eq(departments.id, dept.id)).then((rows) => {
      order.push("outside read");
      return rows[0].name;
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await tx;
    expect(await outside).toBe("事务后");
    expect(order).toEqual(["tx wrote", "tx done", "outside read"]);
  });

  it("keeps a database error's code and detail (unique violation)", async () => {
    const [u] = await threaded.db.select().from(users).limit(1);
    const err = (await threaded.db.insert(users).values({ ...u, id: "dup-user" }).catch((e: unknown) => e)) as { cause?: unknown };
    const cause = (err.cause ?? err) as { code?: string; constraint?: string; message: string };
    expect(cause.code).toBe("23505");
    expect(cause.message).toMatch(/duplicate key/);
    // The connection is still usable after the error.
    expect((await threaded.db.select().from(users)).length).toBeGreaterThan(0);
  });

  it("leaves this event loop free while the database works", async () => {
    let maxGap = 0;
    let ticks = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      ticks++;
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 5);
    const t0 = performance.now();
    await threaded.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
    const took = performance.now() - t0;
    clearInterval(timer);
    // The query keeps the database busy for a long stretch; timers here still fire throughout.
    expect(took).toBeGreaterThan(150);
    // In-process PGlite: no tick at all until the query returns (measured: 0 ticks in 1.5 s).
    expect(ticks).toBeGreaterThan(took / 50);
    expect(maxGap).toBeLessThan(took / 2);
  });

  it("stores section updates in a data folder and reopens them after close", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-thread-"));
    try {
      const h = await openDatabase({ dataDir: dir, thread: {} });
      await ensureOrganisation(h.db, { ...process.env, HEGAO_DEMO: "1" });
      const n = (await h.db.select().from(sectionUpdates)).length;
      await h.close();
      const again = await openDatabase({ dataDir: dir, thread: {} });
      expect((await again.db.select().from(sectionUpdates)).length).toBe(n);
      expect((await again.db.select().from(users)).length).toBeGreaterThan(0);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
