// The embedded database's own thread: holds the one PGlite of the process and answers the main
// thread's requests (db/pglite-worker/protocol.ts), so that SQL — synchronous WebAssembly in
// PGlite — never runs on the event loop that serves the collaboration sockets and Next.
// Plain JavaScript so Node starts it as it is under the server, the CLI and Vitest alike.
import { parentPort } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @type {PGlite | null} */
let db = null;
/** Open transactions by id: PGlite's transaction handle and the function that ends it. */
const open = new Map();

const identity = (value) => value;

function errorFields(err) {
  const out = { name: err?.name ?? "Error", message: err?.message ?? String(err) };
  if (err && typeof err === "object") {
    for (const [k, v] of Object.entries(err)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  }
  return out;
}

function plainResult(r) {
  return { rows: r.rows, fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), affectedRows: r.affectedRows };
}

async function begin(txId) {
  let started;
  const ready = new Promise((resolve) => (started = resolve));
  let finish;
  const outcome = new Promise((resolve) => (finish = resolve));
  const done = db.transaction(async (tx) => {
    open.set(txId, { tx, finish, done: null });
    started();
    if ((await outcome) === "rollback") await tx.rollback();
  });
  // A failing BEGIN rejects `done` before `started`: report that instead of hanging.
  await Promise.race([ready, done]);
  const entry = open.get(txId);
  if (!entry) throw new Error("transaction did not start");
  entry.done = done;
}

async function end(txId, commit) {
  const entry = open.get(txId);
  if (!entry) throw new Error(`no open transaction ${txId}`);
  open.delete(txId);
  entry.finish(commit ? "commit" : "rollback");
  await entry.done;
}

async function handle(msg) {
  switch (msg.op) {
    case "open":
      db = msg.dataDir ? new PGlite(msg.dataDir) : new PGlite();
      await db.waitReady;
      return undefined;
    case "query": {
      const target = msg.tx === undefined ? db : open.get(msg.tx)?.tx;
      if (!target) throw new Error(`no open transaction ${msg.tx}`);
      const parsers = Object.fromEntries(msg.rawTypes.map((oid) => [oid, identity]));
      return plainResult(await target.query(msg.sql, msg.params, { rowMode: msg.rowMode, parsers }));
    }
    case "begin":
      return void (await begin(msg.tx));
    case "end":
      return void (await end(msg.tx, msg.commit));
    case "close":
      await db?.close();
      db = null;
      return undefined;
    default:
      throw new Error(`unknown request ${msg.op}`);
  }
}

parentPort.on("message", (msg) => {
  handle(msg).then(
    (result) => parentPort.postMessage({ id: msg.id, ok: true, result }),
    (err) => parentPort.postMessage({ id: msg.id, ok: false, error: errorFields(err) }),
  );
});
