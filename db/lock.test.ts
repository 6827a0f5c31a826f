import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-lock-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("data folder lock", () => {
  it("refuses a folder held by another live process with a clear message", async () => {
    const dir = path.join(tmp, "held");
    fs.mkdirSync(dir);
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      fs.writeFileSync(path.join(dir, "hegao.lock"), String(other.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(/正被另一个进程.*DATABASE_URL/);
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      expect(fs.existsSync(path.join(dir, "pg"))).toBe(false);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a dead process and releases it", async () => {
    const dir = path.join(tmp, "stale");
    fs.mkdirSync(dir);
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.once("exit", r));
    fs.writeFileSync(path.join(dir, "hegao.lock"), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "hegao.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "hegao.lock"))).toBe(false);
  });

  it("keeps data across close and reopen of one folder", async () => {
    const dir = path.join(tmp, "persist");
    const first = await openDatabase({ dataDir: dir });
    await first.db.execute("CREATE TABLE IF NOT EXISTS probe (v text)");
    await first.db.execute("INSERT INTO probe VALUES ('保存的数据')");
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.db.execute("SELECT v FROM probe");
    await second.close();
    expect(JSON.stringify(rows)).toContain("保存的数据");
  });
});
