/**
 * Advisory lock on a PGlite data folder. PGlite is single-process: two processes writing one
 * folder corrupt it, so the second one must fail with a clear message.
 *
 * The lock file `<dir>/hegao.lock` holds JSON `{ pid, startTime, bootId }`: the holder's pid,
 * its start time in clock ticks since boot (/proc/<pid>/stat field 22, proc(5)) and the kernel's
 * boot id (/proc/sys/kernel/random/boot_id). A lock whose holder is gone does not block a
 * restart: a pid that no longer exists, a zombie (state Z or X: killed, not yet reaped), a pid
 * now used by another process (different start time or boot), or — for an old lock that holds
 * only a pid — a process that is not Node. Without /proc (macOS) only "pid exists" is checked.
 * The file is written completely before it appears (link of a temporary file), so a reader
 * never sees a half-written lock.
 */
import fs from "node:fs";
import path from "node:path";

/** Thrown when another live process holds the data folder. */
export class DataDirLockedError extends Error {
  readonly code = "data_dir_locked";
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `数据目录 ${dir} 正被另一个进程（pid ${pid}）使用。PGlite 只允许一个进程打开同一数据目录：` +
        `请先停止该进程（例如正在运行的 Hegao 服务器），或改用 DATABASE_URL 连接 PostgreSQL。`,
    );
  }
}

/** What a lock file records about its holder. */
export interface LockOwner {
  pid: number;
  /** Start time in clock ticks after boot; undefined when unknown (no /proc, or an old lock). */
  startTime?: number;
  bootId?: string;
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** State letter and start time of `pid` from /proc/<pid>/stat; undefined without /proc or pid. */
export function procStat(pid: number): { state: string; startTime: number } | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], startTime: Number(fields[19]) };
}

/** This boot's id, or undefined without /proc. */
function bootId(): string | undefined {
  return readProc("/proc/sys/kernel/random/boot_id")?.trim();
}

/** The record this process writes into its lock. */
export function currentOwner(): LockOwner {
  return { pid: process.pid, startTime: procStat(process.pid)?.startTime, bootId: bootId() };
}

/** Parses a lock file: JSON, or an old one holding only a pid; null when unreadable. */
export function parseLock(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const v = JSON.parse(trimmed) as Partial<LockOwner>;
    return Number.isInteger(v.pid) && v.pid! > 0 ? { pid: v.pid!, startTime: v.startTime, bootId: v.bootId } : null;
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the process that wrote `owner` is still running (see the module comment). */
export function ownerAlive(owner: LockOwner): boolean {
  if (!pidExists(owner.pid)) return false;
  const stat = procStat(owner.pid);
  if (!stat) return true; // no /proc: trust the pid
  if (stat.state === "Z" || stat.state === "X") return false;
  if (owner.bootId !== undefined && owner.bootId !== bootId()) return false;
  if (owner.startTime !== undefined) return stat.startTime === owner.startTime;
  // An old lock with only a pid: alive only if that pid is a Node process (Hegao runs in Node).
  const cmd = readProc(`/proc/${owner.pid}/cmdline`);
  return cmd === undefined || path.basename(cmd.split("\0")[0]).startsWith("node");
}

/** The live process holding `<dir>/hegao.lock`; null when nobody (or a dead process) holds it. */
export function readLockOwner(dir: string): LockOwner | null {
  const owner = parseLock(readProc(path.join(dir, "hegao.lock")) ?? "");
  return owner && ownerAlive(owner) ? owner : null;
}

/** Creates `file` with `content` atomically (fails with EEXIST when it exists). */
function createAtomically(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, content);
  try {
    fs.linkSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Takes `<dir>/hegao.lock` for this process. A lock whose holder is gone (see the module
 * comment) is taken over. Returns a release function (also run at process exit).
 * @throws DataDirLockedError when a live process other than this one holds it.
 */
export function acquireDataDirLock(dir: string): () => void {
  const file = path.join(dir, "hegao.lock");
  const mine = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createAtomically(file, mine);
      const release = () => {
        try {
          if (parseLock(fs.readFileSync(file, "utf8"))?.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = parseLock(readProc(file) ?? "");
      if (owner?.pid === process.pid) return () => {};
      if (owner && ownerAlive(owner)) throw new DataDirLockedError(dir, owner.pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 ${file}`);
}
