/**
 * Runs an import off the request's event loop: each job gets its own worker thread with a heap
 * limit (V8 `resourceLimits`) and a time limit, after which the thread is terminated, so that
 * no upload (zip bomb, huge or hostile file) can stall or kill the server everyone else types
 * into. At most `MAX_CONCURRENT_IMPORTS` jobs run at once; later jobs wait their turn.
 *
 * The worker starts from `lib/import/worker/boot.mjs` under the project folder
 * (`HEGAO_ROOT`, default the working directory, as for `npm start` / `npm run cli` / Vitest),
 * which loads the TypeScript sources through tsx: the same code whether the caller was bundled
 * by `next build` or runs under tsx. Loading takes ~0.5–1 s on a busy machine, so the server
 * keeps one spare thread booted (`prewarmImportWorker`, called by the import page) that is
 * dropped after 10 idle minutes; a spare never holds a process open.
 */
import fs from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { ImportError, type ImportErrorCode } from "../errors";
import type { ImportJob } from "../job";
import { IMPORT_HEAP_MB, IMPORT_TIME_LIMIT_MS, MAX_CONCURRENT_IMPORTS } from "../limits";
import type { ImportResult } from "../types";
import type { WorkerReply } from "./entry";

/** Limits of one run: parsing time in ms (from handing over the job), heap in MB. */
export interface WorkerLimits {
  timeoutMs: number;
  heapMb: number;
}

const DEFAULT_LIMITS: WorkerLimits = { timeoutMs: IMPORT_TIME_LIMIT_MS, heapMb: IMPORT_HEAP_MB };
const SPARE_IDLE_MS = 10 * 60_000;
/** Time a thread may take to load (ms); a busy machine needs seconds, a hung start is cut. */
const LOAD_LIMIT_MS = 30_000;

let running = 0;
const waiting: Array<() => void> = [];
let spare: { worker: Worker; ready: Promise<void>; idle: NodeJS.Timeout } | null = null;
let keepWarm = false;

async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT_IMPORTS) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

// Taken at run time, not imported: `next build` (Turbopack) would otherwise follow
// `new Worker(path)` and the project-folder path into every file of the project and bundle them.
const { Worker: WorkerThread } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");

/** Absolute paths of the worker's boot script and TypeScript entry. @throws Error when missing. */
function workerFiles(): { boot: string; entry: string } {
  const root = process.env.HEGAO_ROOT || process.cwd();
  const dir = path.join(/* turbopackIgnore: true */ root, "lib", "import", "worker");
  const boot = path.join(dir, "boot.mjs");
  if (!fs.existsSync(boot)) throw new Error(`import worker not found at ${boot} (set HEGAO_ROOT to the project folder)`);
  return { boot, entry: path.join(dir, "entry.ts") };
}

/** Starts a thread; `ready` resolves when it has loaded (rejects if it dies first). */
function boot(heapMb: number): { worker: Worker; ready: Promise<void> } {
  const { boot: file, entry } = workerFiles();
  const worker = new WorkerThread(file, {
    workerData: { entry },
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`import worker exited with code ${code} while loading`)));
  });
  ready.catch(() => {}); // observed by the job that takes it
  return { worker, ready };
}

/**
 * Keeps one import thread loaded so the next import starts at once (the server's import page
 * calls this). Never throws; a failed start is retried by the next import.
 */
export function prewarmImportWorker(): void {
  keepWarm = true;
  if (spare) return;
  try {
    const started = boot(IMPORT_HEAP_MB);
    started.worker.unref();
    const idle = setTimeout(() => {
      if (spare?.worker === started.worker) spare = null;
      void started.worker.terminate();
    }, SPARE_IDLE_MS).unref();
    spare = { ...started, idle };
    started.ready.catch(() => {
      if (spare?.worker === started.worker) spare = null;
    });
  } catch {
    spare = null;
  }
}

function take(heapMb: number): { worker: Worker; ready: Promise<void> } {
  if (spare && heapMb === IMPORT_HEAP_MB) {
    const taken = spare;
    spare = null;
    clearTimeout(taken.idle);
    taken.worker.ref();
    return taken;
  }
  return boot(heapMb);
}

/**
 * Runs `job` in a worker thread of its own.
 * @param limits defaults: 10 s (IMPORT_TIME_LIMIT_MS) of parsing, counted from handing the job
 *   to a loaded thread (loading has its own 30 s bound), and 256 MB (IMPORT_HEAP_MB).
 * @returns the import result.
 * @throws ImportError as the importer raises it, "timeout" when the time limit passed (the
 *   worker is terminated), "too_complex" when the worker ran out of its heap; Error when the
 *   worker could not start or failed unexpectedly (a bug; logged by the caller).
 */
export async function runInWorker(job: ImportJob, limits: WorkerLimits = DEFAULT_LIMITS): Promise<ImportResult> {
  await acquire();
  let worker: Worker | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const started = take(limits.heapMb);
    worker = started.worker;
    const w = worker;
    return await new Promise<ImportResult>((resolve, reject) => {
      const limit = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          reject(new ImportError("timeout", `文件解析超时（超过 ${limits.timeoutMs / 1000} 秒），已停止。请检查文件，或另存为新的 .docx 后重试。`));
          void w.terminate();
        }, ms);
      };
      limit(LOAD_LIMIT_MS);
      w.on("error", (err: Error & { code?: string }) => {
        if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
          reject(new ImportError("too_complex", `文件内容过于复杂，解析时超出内存上限（${limits.heapMb} MB），已停止。请另存为新的 .docx 或粘贴文字后重试。`));
        } else reject(err);
      });
      w.on("exit", (code) => reject(new Error(`import worker exited with code ${code} before answering`)));
      started.ready.then(() => {
        w.on("message", (reply: WorkerReply) => {
          if (reply.ok) resolve(reply.result);
          else if (reply.importError) reject(new ImportError(reply.code as ImportErrorCode, reply.message));
          else reject(new Error(`import worker failed: ${reply.message}`));
        });
        limit(limits.timeoutMs);
        w.postMessage(job);
      }, reject);
    });
  } finally {
    clearTimeout(timer);
    void worker?.terminate();
    release();
    if (keepWarm) prewarmImportWorker();
  }
}
