import { describe, expect, it } from "vitest";
import { clusterRedisUrl } from "./config";

describe("clusterRedisUrl", () => {
  it("is off without REDIS_URL", () => {
    expect(clusterRedisUrl({}, "postgres")).toBeNull();
    expect(clusterRedisUrl({ REDIS_URL: " " }, "pglite")).toBeNull();
  });
  it("turns cluster mode on with PostgreSQL", () => {
    expect(clusterRedisUrl({ REDIS_URL: "redis://127.0.0.1:6379" }, "postgres")).toBe("redis://127.0.0.1:6379");
  });
  it("refuses REDIS_URL on the embedded database, naming DATABASE_URL", () => {
    expect(() => clusterRedisUrl({ REDIS_URL: "redis://127.0.0.1:6379" }, "pglite")).toThrow(/DATABASE_URL/);
  });
  it("refuses a URL that is not redis://", () => {
    expect(() => clusterRedisUrl({ REDIS_URL: "http://x" }, "postgres")).toThrow(/redis:\/\//);
  });
});
