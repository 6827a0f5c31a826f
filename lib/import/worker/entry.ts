/**
 * Inside an import worker thread: says `{ ready: true }` once loaded, runs the one job the
 * parent then sends, posts back `{ ok: true, result }` or `{ ok: false, code, message }`, and
 * ends. A thread serves one job only, so nothing of one upload outlives it.
 */
import { parentPort } from "node:worker_threads";
import { isImportError } from "../errors";
import { runImportJob, type ImportJob } from "../job";

/** The message a worker posts back for its job. */
export type WorkerReply =
  | { ok: true; result: ReturnType<typeof runImportJob> }
  | { ok: false; code: string; message: string; importError: boolean };

function run(job: ImportJob): WorkerReply {
  try {
    return { ok: true, result: runImportJob(job) };
  } catch (err) {
    if (isImportError(err)) return { ok: false, code: err.code, message: err.message, importError: true };
    return { ok: false, code: "internal", message: err instanceof Error ? (err.stack ?? err.message) : String(err), importError: false };
  }
}

parentPort?.once("message", (job: ImportJob) => {
  parentPort?.postMessage(run(job));
  parentPort?.close();
});
parentPort?.postMessage({ ready: true });
