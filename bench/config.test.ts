import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

describe("parseConfig --instances", () => {
  it("is off by default and leaves PGlite alone", () => {
    const c = parseConfig(["--quick"]);
    expect(c.instances).toBeNull();
    expect(c.postgres).toBeNull();
  });

  it("switches to the cluster mode on PostgreSQL", () => {
    const c = parseConfig(["--instances", "3", "--quick"]);
    expect(c.instances).toBe(3);
    expect(c.postgres).toMatch(/^postgres:\/\//);
    expect(c.scale).toBe(false);
  });

  it("keeps an explicit PostgreSQL URL", () => {
    expect(parseConfig(["--instances", "2", "--postgres-url", "postgres://x@h:1/db"]).postgres).toBe("postgres://x@h:1/db");
  });

  it("refuses fewer than 2 instances or a fraction", () => {
    expect(() => parseConfig(["--instances", "1"])).toThrow(/≥ 2/);
    expect(() => parseConfig(["--instances", "2.5"])).toThrow(/≥ 2/);
  });
});
