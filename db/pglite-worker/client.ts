/**
 * The main thread's side of the embedded database thread (worker.mjs): an object with the part
 * of PGlite's API that drizzle's PGlite driver calls (`query`, `transaction`), each call a
 * message to the thread. Callers keep the drizzle API and its semantics: a transaction's
 * queries run in order on one connection, requests outside it wait until it ends (as in PGlite),
 * and a commit has happened when `transaction()` resolves (so "saved" still means committed).
 *
 * Why: PGlite executes SQL as synchronous WebAssembly; on the server's event loop every group
 * commit stalled the collaboration sockets for milliseconds (README "What limits Hegao").
 */
import fs from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { QueryResult, WorkerError, WorkerReply, WorkerRequest } from "./protocol";

// Taken at run time, not imported: `next build` would otherwise follow `new Worker(path)`.
const { Worker: WorkerThread } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");

/** Options drizzle passes to `query` (parsers: OID → function; only identity parsers are used). */
interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, unknown>;
}

type Pending = { resolve: (r: QueryResult | undefined) => void; reject: (e: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/** Rebuilds a database error from its fields (code, detail, constraint… stay readable). */
function toError(fields: WorkerError): Error {
  const err = new Error(fields.message);
  Object.assign(err, fields);
  return err;
}

/** The worker script's path (`HEGAO_ROOT`, default the working directory). @throws when missing. */
function workerFile(): string {
  const file = path.join(/* turbopackIgnore: true */ process.env.HEGAO_ROOT || process.cwd(), "db", "pglite-worker", "worker.mjs");
  if (!fs.existsSync(file)) throw new Error(`embedded database thread not found at ${file} (set HEGAO_ROOT to the project folder)`);
  return file;
}

/** A transaction's query handle, as drizzle's driver receives it from `transaction()`. */
class WorkerTransaction {
  constructor(private readonly owner: PGliteWorkerClient, private readonly tx: number) {}
  query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    return this.owner.query(sql, params, options, this.tx);
  }
}

export class PGliteWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTx = 1;
  private dead: Error | null = null;

  /**
   * Starts the thread (it opens nothing yet; call `open`).
   * @param onFatal called once when the thread dies unexpectedly (WASM abort, out of memory).
   */
  constructor(private readonly onFatal: (err: Error) => void = () => {}) {
    this.worker = new WorkerThread(workerFile(), { execArgv: [] });
    this.worker.on("message", (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(toError(reply.error));
    });
    this.worker.on("error", (err) => this.fail(err));
    this.worker.on("exit", (code) => this.fail(new Error(`嵌入式数据库线程已退出（代码 ${code}）`)));
  }

  private fail(err: Error): void {
    if (this.dead) return;
    this.dead = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.onFatal(err);
  }

  private call(req: Request): Promise<QueryResult | undefined> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  /**
   * Opens PGlite in the thread: `dataDir` a folder, or null for an in-memory database.
   * @throws the database's error when the folder cannot be opened.
   */
  async open(dataDir: string | null): Promise<void> {
    await this.call({ op: "open", dataDir });
  }

  /** Runs one statement; rows as arrays or objects, as PGlite's `query`. @throws the database error. */
  async query(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number): Promise<QueryResult> {
    const rawTypes = Object.keys(options.parsers ?? {}).map(Number);
    const result = await this.call({ op: "query", sql, params, rowMode: options.rowMode ?? "object", rawTypes, tx });
    return result!;
  }

  /**
   * Runs `fn` in one transaction: committed when `fn` resolves, rolled back when it throws (the
   * error is rethrown). Resolves after COMMIT has returned.
   */
  async transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    const tx = this.nextTx++;
    await this.call({ op: "begin", tx });
    let result: T;
    try {
      result = await fn(new WorkerTransaction(this, tx));
    } catch (err) {
      await this.call({ op: "end", tx, commit: false }).catch(() => {});
      throw err;
    }
    await this.call({ op: "end", tx, commit: true });
    return result;
  }

  /** Closes the database and ends the thread. */
  async close(): Promise<void> {
    if (!this.dead) await this.call({ op: "close" }).catch(() => {});
    this.dead ??= new Error("嵌入式数据库已关闭");
    await this.worker.terminate();
  }
}
