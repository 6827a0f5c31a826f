import { describe, expect, it } from "vitest";
import { originAllowed as upgradeOriginAllowed } from "@/lib/collab/server/authenticate-upgrade";
import { forwardedHeadersToDrop, isStateChanging, originAllowed } from "./origin";

const APP = "http://hegao.example:3000";

describe("originAllowed (HTTP and WebSocket)", () => {
  it("lets requests without Origin through (scripts) and the app's own origin", () => {
    expect(originAllowed(undefined, APP)).toBe(true);
    expect(originAllowed("http://hegao.example:3000", APP)).toBe(true);
    expect(originAllowed("https://hegao.example", "https://hegao.example:443/")).toBe(true);
  });

  it("compares scheme, host and port", () => {
    expect(originAllowed("https://hegao.example:3000", APP)).toBe(false);
    expect(originAllowed("http://hegao.example:3001", APP)).toBe(false);
    expect(originAllowed("http://evil.example:3000", APP)).toBe(false);
    expect(originAllowed("null", APP)).toBe(false);
    expect(originAllowed("", APP)).toBe(false);
    expect(originAllowed("ftp://hegao.example:3000", APP)).toBe(false);
  });

  it("is the WebSocket upgrade's check too: the request's Host no longer makes a foreign origin pass", () => {
    expect(upgradeOriginAllowed("http://evil.example", "evil.example", APP)).toBe(false);
    expect(upgradeOriginAllowed("https://hegao.example:3000", "hegao.example:3000", APP)).toBe(false);
    expect(upgradeOriginAllowed(APP, "hegao.example:3000", APP)).toBe(true);
    expect(upgradeOriginAllowed(undefined, undefined, APP)).toBe(true);
  });
});

describe("state-changing methods and forwarded headers", () => {
  it("checks every method but GET, HEAD and OPTIONS", () => {
    expect(["POST", "PATCH", "PUT", "DELETE"].every(isStateChanging)).toBe(true);
    expect(["GET", "head", "OPTIONS"].some(isStateChanging)).toBe(false);
  });

  it("drops X-Forwarded-* unless the proxy is trusted", () => {
    expect(forwardedHeadersToDrop(false)).toContain("x-forwarded-host");
    expect(forwardedHeadersToDrop(false)).toContain("x-forwarded-proto");
    expect(forwardedHeadersToDrop(true)).toEqual([]);
  });
});

describe("origin while NEXTAUTH_URL is not configured", () => {
  const defaulted = { HEGAO_ORIGIN_DEFAULTED: "1" } as unknown as NodeJS.ProcessEnv;
  it("accepts the request's own Host (a LAN address), still refuses another site", () => {
    expect(originAllowed("http://192.168.1.20:3000", "http://localhost:3000", "192.168.1.20:3000", defaulted)).toBe(true);
    expect(originAllowed("http://evil.example", "http://localhost:3000", "192.168.1.20:3000", defaulted)).toBe(false);
  });
  it("does not accept the Host once NEXTAUTH_URL is configured", () => {
    expect(originAllowed("http://192.168.1.20:3000", "http://localhost:3000", "192.168.1.20:3000", {} as unknown as NodeJS.ProcessEnv)).toBe(false);
  });
});
