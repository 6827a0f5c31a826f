/**
 * Optional PostgreSQL target (`npm run bench -- --postgres [url]`): a fresh database
 * `hegao_bench_<random>` on the server of `baseUrl` (default: the local test PostgreSQL), so the
 * same load can be compared on the embedded PGlite and on a real PostgreSQL server.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/** Creates an empty database (named `name`, default random); returns its URL and a function that drops it. */
export async function createBenchDatabase(baseUrl: string, name = `hegao_bench_${randomBytes(4).toString("hex")}`): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
