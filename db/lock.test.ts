import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { acquireDataDirLock, DataDirLockedError, procStat } from "./lock";

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
    expect(JSON.parse(fs.readFileSync(path.join(dir, "hegao.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "hegao.lock"))).toBe(false);
  });

  it("refuses a lock in the current format whose holder is alive", async () => {
    const dir = path.join(tmp, "held-json");
    fs.mkdirSync(dir);
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      await new Promise((r) => other.once("spawn", r));
      fs.writeFileSync(path.join(dir, "hegao.lock"), JSON.stringify({ pid: other.pid, startTime: procStat(other.pid!)?.startTime }));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock whose holder is a zombie (killed, not yet reaped)", async () => {
    const dir = path.join(tmp, "zombie");
    fs.mkdirSync(dir);
    // The background `sleep 0.5` is a child of `sleep 30` once sh has exec'd, which never
    // reaps it: when it ends it stays a zombie.
    const parent = spawn("sh", ["-c", "sleep 0.5 & echo $!; exec sleep 30"]);
    try {
      const pid = Number(await new Promise<string>((r) => parent.stdout.once("data", (d) => r(String(d)))));
      await expect.poll(() => procStat(pid)?.state, { timeout: 5000 }).toBe("Z");
      fs.writeFileSync(path.join(dir, "hegao.lock"), JSON.stringify({ pid }));
      const release = acquireDataDirLock(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, "hegao.lock"), "utf8")).pid).toBe(process.pid);
      release();
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("takes over a lock whose pid now belongs to another program or another process", async () => {
    const dir = path.join(tmp, "foreign");
    fs.mkdirSync(dir);
    const sleeper = spawn("sleep", ["30"]);
    const node = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      await Promise.all([new Promise((r) => sleeper.once("spawn", r)), new Promise((r) => node.once("spawn", r))]);
      // An old lock holding only a pid, now used by a program that is not Node.
      fs.writeFileSync(path.join(dir, "hegao.lock"), String(sleeper.pid));
      acquireDataDirLock(dir)();
      // A lock naming a live Node process that started at another time (the pid was reused).
      const startTime = procStat(node.pid!)!.startTime;
      fs.writeFileSync(path.join(dir, "hegao.lock"), JSON.stringify({ pid: node.pid, startTime: startTime - 1 }));
      acquireDataDirLock(dir)();
      expect(fs.existsSync(path.join(dir, "hegao.lock"))).toBe(false);
    } finally {
      sleeper.kill();
      node.kill();
    }
  });

  it("a server killed with SIGKILL never blocks the next start", async () => {
    const dir = path.join(tmp, "kill9");
    fs.mkdirSync(dir);
    const script = `import("${path.resolve(import.meta.dirname, "lock.ts").replace(/\\/g, "/")}").then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log("locked"); setTimeout(() => {}, 60000); })`;
    for (let i = 0; i < 5; i++) {
      const holder = spawn(process.execPath, ["--import", "tsx", "-e", script], { cwd: path.resolve(import.meta.dirname, "..") });
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on("data", (d) => String(d).includes("locked") && resolve());
        holder.once("exit", (code) => reject(new Error(`holder exited ${code}`)));
      });
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      holder.kill("SIGKILL");
      await new Promise((r) => holder.once("exit", r));
      const release = acquireDataDirLock(dir);
      release();
    }
  }, 120_000);

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
  }, 120_000);
});
