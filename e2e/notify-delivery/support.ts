/**
 * Set-up for the delivery specs: a data folder with the demo organisation, and writing to it
 * while no server runs (PGlite is one process at a time).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { ensureOrganisation } from "@/lib/demo/ensure-organisation";

/** A new data folder seeded like the server seeds an empty database. */
export async function seededDataDir(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-notify-"));
  await withStoppedDb(dataDir, (db) => ensureOrganisation(db, { ...process.env, HEGAO_DEMO: "1" }));
  return dataDir;
}

/** Opens the data folder of a stopped (or killed) server, runs `fn`, closes it. */
export async function withStoppedDb<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}
