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
}

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Opens a database and applies pending migrations.
 * @throws DataDirLockedError when another live process holds the PGlite data folder.
 */
export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let release = () => {};
  let client;
  if (opts.memory) {
    client = new PGlite();
  } else {
    const dir = path.resolve(/*turbopackIgnore: true*/ opts.dataDir ?? "./data");
    fs.mkdirSync(dir, { recursive: true });
    release = acquireDataDirLock(dir);
    try {
      client = new PGlite(path.join(dir, "pg"));
      await client.waitReady;
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = drizzle(client, { schema });
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
