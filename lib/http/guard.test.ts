import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { guardRequest } from "./guard";

const APP = "http://hegao.example:3000";

function fake(method: string, headers: Record<string, string>, remoteAddress = "192.0.2.5") {
  const req = { method, headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
  const sent: { status?: number; body?: string; headers: Record<string, unknown> } = { headers: {} };
  const res = {
    setHeader: (k: string, v: unknown) => void (sent.headers[k.toLowerCase()] = v),
    writeHead: (status: number) => void (sent.status = status),
    end: (body: string) => void (sent.body = body),
  } as unknown as ServerResponse;
  return { req, res, sent };
}

describe("guardRequest", () => {
  it("drops forwarded headers and sets the client address from the socket when the proxy is not trusted", () => {
    const { req, res, sent } = fake("GET", { "x-forwarded-host": "evil.example", "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "6.6.6.6" });
    expect(guardRequest(req, res, { appOrigin: APP, trustProxy: false })).toBe(true);
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.5");
    expect(String(sent.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    expect(sent.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("with TRUST_PROXY keeps them and takes the last X-Forwarded-For entry", () => {
    const { req, res } = fake("GET", { "x-forwarded-host": "hegao.example", "x-forwarded-for": "6.6.6.6, 203.0.113.4" });
    guardRequest(req, res, { appOrigin: APP, trustProxy: true });
    expect(req.headers["x-forwarded-host"]).toBe("hegao.example");
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.4");
  });

  it("refuses a state-changing request from another origin with 403, even with a matching X-Forwarded-Host", () => {
    for (const trustProxy of [false, true]) {
      const { req, res, sent } = fake("POST", { origin: "http://evil.example", "x-forwarded-host": "evil.example" });
      expect(guardRequest(req, res, { appOrigin: APP, trustProxy })).toBe(false);
      expect(sent.status).toBe(403);
      expect(JSON.parse(sent.body!).error.message).toBe("请求来源不被允许");
    }
    const own = fake("PATCH", { origin: APP });
    expect(guardRequest(own.req, own.res, { appOrigin: APP, trustProxy: false })).toBe(true);
    const script = fake("DELETE", {});
    expect(guardRequest(script.req, script.res, { appOrigin: APP, trustProxy: false })).toBe(true);
    const read = fake("GET", { origin: "http://evil.example" });
    expect(guardRequest(read.req, read.res, { appOrigin: APP, trustProxy: false })).toBe(true);
  });
});
