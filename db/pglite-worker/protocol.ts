/**
 * Messages between the main thread and the embedded-database thread (worker.mjs), one request
 * and one reply per `id`. `tx` names an open transaction (begun by `begin`, ended by `end`);
 * requests without `tx` run outside any transaction and, as in PGlite itself, wait until no
 * transaction is open. `rawTypes` lists the type OIDs whose text must come back unparsed (drizzle
 * asks this for timestamps, dates and intervals; functions cannot cross threads).
 */
export type WorkerRequest =
  | { id: number; op: "open"; dataDir: string | null }
  | { id: number; op: "query"; sql: string; params: unknown[]; rowMode: "array" | "object"; rawTypes: number[]; tx?: number }
  | { id: number; op: "begin"; tx: number }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close" };

/** A database error as plain fields (message, code, detail, constraint, …: PGlite's DatabaseError). */
export type WorkerError = { message: string; name: string } & Record<string, string | number | undefined>;

export type WorkerReply =
  | { id: number; ok: true; result?: QueryResult }
  | { id: number; ok: false; error: WorkerError };

/** PGlite's `Results`, as far as drizzle reads it. */
export interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}
