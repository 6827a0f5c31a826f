/**
 * Opens the one database of a process: PGlite in `DATA_DIR` (default `./data`) or PostgreSQL
 * when `DATABASE_URL` is set. Migrations from `db/migrations` are applied on open.
 *
 * One PGlite per process, kept on `globalThis` so the custom server and Next's route modules
 * share it (stack-notes.md). A data folder is guarded by a lock file: a second process gets
 * `DataDirLockedError` instead of a corrupted database.
 */
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; ignored for PostgreSQL. `undefined` with `memory` → in-memory. */
  dataDir?: string;
  /** In-memory PGlite (tests). */
  memory?: boolean;
  /**
   * PGlite in its own thread (db/pglite-worker): SQL runs off this event loop. The process
   * database uses it when `HEGAO_PGLITE_THREAD=1`; tests open PGlite in-process.
   * `onFatal` is told when that thread dies.
   */
  thread?: { onFatal?: (err: Error) => void };
}

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Opens a database and applies pending migrations.
 * @throws DataDirLockedError when another live process holds the PGlite data folder.
 */
export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let release = () => {};
  let pgDir: string | null = null;
  if (!opts.memory) {
    const dir = path.resolve(/*turbopackIgnore: true*/ opts.dataDir ?? "./data");
    fs.mkdirSync(dir, { recursive: true });
    release = acquireDataDirLock(dir);
    pgDir = path.join(dir, "pg");
  }
  let client: { close(): Promise<void> };
  try {
    client = opts.thread ? await openThreaded(pgDir, opts.thread.onFatal) : await openInProcess(pgDir);
  } catch (err) {
    release();
    throw err;
  }
  // drizzle's PGlite driver calls only `query` and `transaction`, which the thread's client has.
  const db = drizzle(client as import("@electric-sql/pglite").PGlite, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

async function openInProcess(dir: string | null) {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  return client;
}

async function openThreaded(dir: string | null, onFatal?: (err: Error) => void) {
  const { PGliteWorkerClient } = await import("./pglite-worker/client");
  const client = new PGliteWorkerClient(onFatal);
  try {
    await client.open(dir);
  } catch (err) {
    await client.close();
    throw err;
  }
  return client;
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pg = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client whose connection the server ends (restart, failover, DROP DATABASE … FORCE)
  // is reported here; without a listener node-postgres would crash the process. The pool
  // replaces the client on the next query.
  pool.on("error", (err) => console.error(`[hegao] PostgreSQL connection lost: ${err.message}`));
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: "postgres", close: () => pool.end() };
}

const KEY = Symbol.for("hegao.db");
type Holder = { [KEY]?: Promise<DbHandle> };

/**
 * The process-wide database from the environment (`DATABASE_URL` or `DATA_DIR`), opened on
 * first use (never at import time: `next build` imports routes), migrated, and seeded with the
 * demo organisation when empty (unless `HEGAO_DEMO=0`).
 */
export function getDbHandle(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = (async () => {
      const handle = await openDatabase({
        databaseUrl: process.env.DATABASE_URL || undefined,
        dataDir: process.env.DATA_DIR || "./data",
        // Off by default: on the 2-core machines we measure on, the thread cost more than it saved
        // (README "What limits Hegao"); HEGAO_PGLITE_THREAD=1 turns it on where cores are spare.
        thread: process.env.HEGAO_PGLITE_THREAD === "1" ? { onFatal: dieWithDatabase } : undefined,
      });
      const { ensureOrganisation } = await import("@/lib/demo/ensure-organisation");
      await ensureOrganisation(handle.db);
      // Reports made before the opening was its own section get one from their preamble.
      const { ensureOpeningSections } = await import("@/lib/reports/opening");
      await ensureOpeningSections(handle.db);
      return handle;
    })();
    holder[KEY].catch(() => {
      delete holder[KEY];
    });
  }
  return holder[KEY];
}

/** The embedded database's thread died: nothing can be saved any more, so the process ends. */
function dieWithDatabase(err: Error): void {
  console.error(`[hegao] the embedded database stopped: ${err.message}`);
  process.exit(1);
}

/** Shorthand for `(await getDbHandle()).db`. */
export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Closes the process-wide database (shutdown, CLI exit). */
export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  delete holder[KEY];
  if (pending) await (await pending).close();
}
