/**
 * The cluster-wide connection limit against the real Redis (a private key prefix per run): two
 * counters ("instances") share one limit, a release frees a slot, a dead instance's slots go
 * stale, a Redis restart is repaired by the refresh. Without Redis (or without its answer) the
 * counter counts locally. The Redis cases are skipped when Redis does not answer.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { answers, CLUSTER_REDIS_URL } from "@/lib/cluster/test-client";
import { RedisConnectionLimit, type RedisConnectionLimitOptions } from "./connection-limit-redis";
import { sleep } from "./test-helpers";

const available = await answers(CLUSTER_REDIS_URL);
const TOO_MANY = expect.objectContaining({ code: "too_many_attempts", status: 429, message: "太多" });

describe.skipIf(!available)("connection limit across instances (Redis)", () => {
  const prefix = `hegao-test-${randomBytes(4).toString("hex")}:conn:account:`;
  const redis = new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true });
  const counters: RedisConnectionLimit[] = [];
  const instance = (opts: Partial<RedisConnectionLimitOptions> = {}) => {
    const c = new RedisConnectionLimit({ redis, prefix, max: 2, log: () => {}, ...opts });
    counters.push(c);
    return c;
  };
  afterEach(async () => {
    counters.splice(0).forEach((c) => c.close());
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  });
  afterAll(() => redis.disconnect());

  it("two instances share the limit; a release frees one slot, once; other keys are not affected", async () => {
    const a = instance();
    const b = instance();
    const first = await a.acquire("u1", "太多");
    await b.acquire("u1", "太多");
    await expect(a.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
    await expect(b.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
    await b.acquire("u2", "太多"); // another account
    first();
    first(); // twice frees one slot, not two
    await sleep(20); // the release's ZREM is not awaited
    await b.acquire("u1", "太多");
    await expect(a.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
    expect(await redis.zcard(`${prefix}u1`)).toBe(2);
  });

  it("a burst from two instances at once never passes the limit (the acquire is atomic)", async () => {
    const a = instance({ max: 5 });
    const b = instance({ max: 5 });
    const tries = Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).acquire("burst", "太多"));
    const settled = await Promise.allSettled(tries);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
  });

  it("a live instance keeps its slots past the stale time; a dead one's slots expire", async () => {
    const a = instance({ refreshMs: 100, staleMs: 400 });
    const b = instance({ refreshMs: 100, staleMs: 400 });
    await a.acquire("u1", "太多");
    await a.acquire("u1", "太多");
    await sleep(700); // refreshed meanwhile: still held
    await expect(b.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
    a.close(); // killed: no refresh, no release
    await sleep(600);
    await b.acquire("u1", "太多");
    await b.acquire("u1", "太多");
    await expect(b.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
  });

  it("the refresh restores an instance's slots that Redis lost (a restart)", async () => {
    const a = instance({ refreshMs: 100, staleMs: 400 });
    const b = instance({ refreshMs: 100, staleMs: 400 });
    await a.acquire("u1", "太多");
    await a.acquire("u1", "太多");
    await redis.del(`${prefix}u1`);
    await sleep(250);
    expect(await redis.zcard(`${prefix}u1`)).toBe(2);
    await expect(b.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
  });
});

describe("connection limit when Redis does not answer", () => {
  it("counts this instance's sockets against the same limit and logs once", async () => {
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true }); // never connected
    const logs: string[] = [];
    const c = new RedisConnectionLimit({ redis: down, prefix: "x:", max: 2, log: (m) => logs.push(m) });
    const first = await c.acquire("u1", "太多");
    await c.acquire("u1", "太多");
    await expect(c.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
    first();
    await c.acquire("u1", "太多");
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/count per instance/);
    c.close();
    down.disconnect();
  });

  it("falls back to the local count when Redis is connected but does not answer in time", async () => {
    const stuck = {
      status: "ready",
      defineCommand: () => {},
      hegaoAcquireSlot: () => new Promise(() => {}),
      zrem: () => Promise.resolve(1),
    } as unknown as Redis;
    const logs: string[] = [];
    const c = new RedisConnectionLimit({ redis: stuck, prefix: "x:", max: 1, timeoutMs: 50, log: (m) => logs.push(m) });
    const started = Date.now();
    await c.acquire("u1", "太多");
    expect(Date.now() - started).toBeLessThan(500);
    await expect(c.acquire("u1", "太多")).rejects.toEqual(TOO_MANY);
    expect(logs).toHaveLength(1);
    c.close();
  });
});
