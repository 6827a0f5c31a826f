import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { clientAddress } from "./client-address";
import { ConnectionCounter, TokenBucket } from "./limits";
import { collabLimitsFromEnv, collabOptionsSchema } from "./options";

describe("collaboration limits", () => {
  it("counts connections per key, refuses past the limit with 429, and frees a slot once", () => {
    const perAddress = new ConnectionCounter(2);
    const a = perAddress.acquire("10.0.0.1", "太多");
    perAddress.acquire("10.0.0.1", "太多");
    expect(() => perAddress.acquire("10.0.0.1", "太多")).toThrow(expect.objectContaining({ code: "too_many_attempts", status: 429 }));
    expect(perAddress.acquire("10.0.0.2", "太多")).toBeTypeOf("function"); // another address is not affected
    a();
    a(); // releasing twice frees one slot, not two
    perAddress.acquire("10.0.0.1", "太多");
    expect(() => perAddress.acquire("10.0.0.1", "太多")).toThrow();
  });

  it("lets a burst through, then the average rate, and refuses a flood", () => {
    let now = 0;
    const bucket = new TokenBucket(300, 600, () => now);
    let passed = 0;
    for (let i = 0; i < 1000; i++) if (bucket.take()) passed++;
    expect(passed).toBe(600);
    now += 1000; // one second later: 300 more
    passed = 0;
    for (let i = 0; i < 1000; i++) if (bucket.take()) passed++;
    expect(passed).toBe(300);
  });

  it("counts the TCP peer unless TRUST_PROXY is set, then the proxy's X-Forwarded-For entry", () => {
    const req = { headers: { "x-forwarded-for": "1.2.3.4, 10.9.8.7" }, socket: { remoteAddress: "127.0.0.1" } } as unknown as IncomingMessage;
    expect(clientAddress(req, false)).toBe("127.0.0.1");
    expect(clientAddress(req, true)).toBe("10.9.8.7");
  });

  it("has documented defaults and reads operator overrides from the environment", () => {
    const o = collabOptionsSchema.parse({ origin: "http://localhost:3000" });
    expect([o.maxConnectionsPerAccount, o.maxConnectionsPerAddress, o.framesPerSecond, o.frameBurst]).toEqual([20, 60, 300, 600]);
    expect(collabLimitsFromEnv({ HEGAO_COLLAB_CONNECTIONS_PER_ADDRESS: "500", HEGAO_COLLAB_FRAMES_PER_SECOND: "100" })).toEqual({
      maxConnectionsPerAddress: 500, framesPerSecond: 100, frameBurst: 200,
    });
    expect(() => collabLimitsFromEnv({ HEGAO_COLLAB_CONNECTIONS_PER_ACCOUNT: "many" })).toThrow();
  });
});
