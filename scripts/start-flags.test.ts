import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startNodeFlags } from "./start-flags";

function pkg(start: string | undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "start-flags-"));
  const file = path.join(dir, "package.json");
  fs.writeFileSync(file, JSON.stringify({ scripts: start === undefined ? {} : { start } }));
  return file;
}

describe("startNodeFlags", () => {
  it("reads the young-generation size from the real start command", () => {
    expect(startNodeFlags()).toContain("--max-semi-space-size=32");
  });

  it("returns the node flags before --import, in order", () => {
    expect(startNodeFlags(pkg("NODE_ENV=production node --a=1 --b --import tsx server.ts"))).toEqual(["--a=1", "--b"]);
    expect(startNodeFlags(pkg("node --import tsx server.ts"))).toEqual([]);
  });

  it("refuses a start script that does not run node", () => {
    expect(() => startNodeFlags(pkg("next start"))).toThrow(/no "start" script/);
    expect(() => startNodeFlags(pkg(undefined))).toThrow(/no "start" script/);
  });
});
