import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { signInAttempts } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { authenticate } from "./authenticate";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, accountKey, addressKey, lockedUntil, pruneAttempts, reserveAttempt } from "./throttle";

const RIGHT = "hegao-demo";

/** Runs `n` sign-ins at once; attempt #rightAt (1-based) has the right password. */
async function parallelSignIns(db: DbHandle["db"], username: string, n: number, rightAt: number, address = (i: number) => `10.0.${i >> 8}.${i & 255}`) {
  return Promise.all(
    Array.from({ length: n }, (_, k) =>
      authenticate(db, username, k + 1 === rightAt ? RIGHT : `wrong-${k}`, { address: address(k) }).then(
        () => "signed-in",
        (err: { code?: string }) => err.code ?? "error",
      ),
    ),
  );
}

describe.each(testDbTargets())("sign-in throttle on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
  });
  afterAll(() => handle?.close());

  it("60 parallel sign-ins, the right password as #40: only 5 passwords are checked and #40 is refused", async () => {
    const results = await parallelSignIns(handle.db, "dqb1", 60, 40);
    expect(results.filter((r) => r === "unauthenticated")).toHaveLength(ACCOUNT_LIMIT.max);
    expect(results.filter((r) => r === "too_many_attempts")).toHaveLength(60 - ACCOUNT_LIMIT.max);
    expect(results).not.toContain("signed-in");
    expect(await lockedUntil(handle.db, accountKey("dqb1"))).toBeInstanceOf(Date);
    await expect(authenticate(handle.db, "dqb1", RIGHT, { address: "10.9.9.9" })).rejects.toMatchObject({ code: "too_many_attempts" });
  });

  it("parallel sign-ins with the right password among the first five sign in, and clear the account", async () => {
    const results = await parallelSignIns(handle.db, "dqb2", 4, 3);
    expect(results.filter((r) => r === "signed-in")).toHaveLength(1);
    // The success cleared the account's counter: five more wrong attempts are allowed again.
    const again = await parallelSignIns(handle.db, "dqb2", ACCOUNT_LIMIT.max, 0);
    expect(again.every((r) => r === "unauthenticated")).toBe(true);
  });

  it("counts per address: the 31st attempt from one address is refused even with the right password", async () => {
    const address = "203.0.113.7";
    const users = ["jjs1", "jjs2", "gh1", "gh2", "rlzy1", "rlzy2", "scjs1", "dwb1"];
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
      // 4 wrong attempts per account (under the account limit), spread over accounts.
      await expect(authenticate(handle.db, users[Math.floor(i / 4)], "wrong", { address })).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await expect(authenticate(handle.db, "scjs2", RIGHT, { address })).rejects.toMatchObject({ code: "too_many_attempts", message: expect.stringContaining("此地址") });
    // Another address is not affected, and the account itself was never locked.
    await expect(authenticate(handle.db, "scjs2", RIGHT, { address: "203.0.113.8" })).resolves.toMatchObject({ username: "scjs2" });
  });

  it("a successful sign-in gives the address its attempt back (people signing in are not failures)", async () => {
    const address = "198.51.100.1";
    for (let i = 0; i < ADDRESS_LIMIT.max + 10; i++) {
      await expect(authenticate(handle.db, "aqhb1", RIGHT, { address })).resolves.toMatchObject({ username: "aqhb1" });
    }
  });

  it("a lock ends after 15 minutes and the next window starts at 1", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    const key = "account:window-test";
    for (let i = 1; i <= ACCOUNT_LIMIT.max; i++) expect((await reserveAttempt(handle.db, key, ACCOUNT_LIMIT, t0)).allowed).toBe(true);
    const refused = await reserveAttempt(handle.db, key, ACCOUNT_LIMIT, new Date(t0.getTime() + 14 * 60_000));
    expect(refused).toMatchObject({ allowed: false, attempt: ACCOUNT_LIMIT.max + 1 });
    expect(refused.lockedUntil?.getTime()).toBe(t0.getTime() + ACCOUNT_LIMIT.windowMs);
    const later = await reserveAttempt(handle.db, key, ACCOUNT_LIMIT, new Date(t0.getTime() + 15 * 60_000));
    expect(later).toMatchObject({ allowed: true, attempt: 1, lockedUntil: null });
  });

  it("prunes day-old counters but keeps locks that still hold", async () => {
    const t0 = new Date("2025-06-01T00:00:00Z");
    await reserveAttempt(handle.db, "account:old-one", ACCOUNT_LIMIT, t0);
    const locked = "account:old-but-locked";
    const lockLimit = { max: 2, windowMs: 3 * 24 * 3600 * 1000 };
    for (let i = 0; i < 2; i++) await reserveAttempt(handle.db, locked, lockLimit, t0);
    const now = new Date(t0.getTime() + 2 * 24 * 3600 * 1000);
    expect(await pruneAttempts(handle.db, now)).toBeGreaterThanOrEqual(1);
    expect(await lockedUntil(handle.db, locked, now)).toBeInstanceOf(Date);
    const keys = (await handle.db.select({ key: signInAttempts.key }).from(signInAttempts)).map((r) => r.key);
    expect(keys).not.toContain("account:old-one");
    expect(keys).toContain(locked);
  });

  it("writes IPv4-mapped IPv6 addresses as IPv4", () => {
    expect(addressKey("::ffff:127.0.0.1")).toBe("address:127.0.0.1");
    expect(addressKey("::1")).toBe("address:::1");
  });
});
