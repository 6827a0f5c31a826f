/**
 * Advisory lock on a PGlite data folder. PGlite is single-process: two processes writing one
 * folder corrupt it, so the second one must fail with a clear message.
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dir>/hegao.lock` for this process. A lock left by a dead process is taken over.
 * Returns a release function (also run at process exit).
 * @throws DataDirLockedError when a live process other than this one holds it.
 */
export function acquireDataDirLock(dir: string): () => void {
  const file = path.join(dir, "hegao.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (pid === process.pid) return () => {};
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirLockedError(dir, pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 ${file}`);
}
