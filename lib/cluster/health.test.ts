import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { openDatabase, type DbHandle } from "@/db/client";
import { checkHealth } from "./health";
import { answers, CLUSTER_REDIS_URL } from "./test-client";

const redisUp = await answers(CLUSTER_REDIS_URL);

describe("checkHealth", () => {
  let handle: DbHandle | undefined;
  const clients: Redis[] = [];
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await handle?.close();
  });
  const db = async () => (handle ??= await openDatabase({ memory: true })).db;

  it("is ok with the database answering and Redis off", async () => {
    expect(await checkHealth({ db, redis: null })).toEqual({ ok: true, database: "ok", redis: "off" });
  });

  it("fails when the database does not answer", async () => {
    const health = await checkHealth({ db: () => Promise.reject(new Error("down")), redis: null });
    expect(health).toEqual({ ok: false, database: "error", redis: "off" });
  });

  it("fails when Redis does not answer (nothing listens on the port)", async () => {
    const dead = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null }).on("error", () => {});
    clients.push(dead);
    const health = await checkHealth({ db, redis: () => dead, timeoutMs: 500 });
    expect(health).toEqual({ ok: false, database: "ok", redis: "error" });
  });

  it.skipIf(!redisUp)("is ok when Redis answers", async () => {
    const live = new Redis(CLUSTER_REDIS_URL, { disableClientInfo: true });
    clients.push(live);
    expect(await checkHealth({ db, redis: () => live })).toEqual({ ok: true, database: "ok", redis: "ok" });
  });
});
