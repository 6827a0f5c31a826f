/**
 * Databases for tests: in-memory PGlite always, and PostgreSQL when `TEST_DATABASE_URL` is set
 * (each call gets its own database, dropped on close, so test files can run in parallel; the
 * migrations name the `public` schema, so a schema per test would not isolate them).
 */
import { randomBytes } from "node:crypto";
import { openDatabase, type DbHandle } from "./client";

export interface TestDbTarget {
  name: "pglite" | "postgres";
  open(): Promise<DbHandle>;
}

/** The database kinds tests should run against in this environment. */
export function testDbTargets(): TestDbTarget[] {
  const targets: TestDbTarget[] = [{ name: "pglite", open: () => openDatabase({ memory: true }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    targets.push({
      name: "postgres",
      open: async () => {
        const name = `hegao_t_${randomBytes(6).toString("hex")}`;
        await adminQuery(url, `CREATE DATABASE ${name}`);
        const dbUrl = new URL(url);
        dbUrl.pathname = `/${name}`;
        const handle = await openDatabase({ databaseUrl: dbUrl.toString() });
        return {
          ...handle,
          close: async () => {
            await handle.close();
            await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          },
        };
      },
    });
  }
  return targets;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
