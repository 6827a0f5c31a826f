/**
 * Reads a section's whole update log (`section_updates`) in ONE statement and ONE value: the
 * database concatenates the rows in id order, each framed by its length (4 bytes, big-endian,
 * `int4send`), and sends the result base64-encoded. The log is split here into views of that
 * one buffer (no copies).
 *
 * Why (profile of a cold open of a raw 20,000-row log, issue 14): reading the rows one by one
 * spent most of its time in the driver, decoding 20,000 bytea values from hex and building
 * 20,000 row objects (and in the garbage collector cleaning them up). The scan and aggregation
 * of 20,000 rows still take ≈ 25–30 ms (PGlite and PostgreSQL, micro-benchmark
 * bench/cold-open-micro.ts), the largest part of a cold open now. base64 because PGlite's JS hex decoder of one large bytea is
 * several times slower than Node's native `Buffer.from(…, "base64")`.
 *
 * One statement is one snapshot: a compaction (one transaction) is seen wholly or not at all.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates } from "@/db/schema";

/** A section's log as read at one instant. */
export interface SectionLog {
  /** The updates in log order (views into one buffer). */
  updates: Uint8Array[];
  /** Number of log rows (= updates.length). */
  rows: number;
  /** Highest row id, 0 when the log is empty. */
  maxId: number;
}

/**
 * The two columns of a log read for `sectionId`, to be selected alone or beside other columns
 * of the same statement: `maxId` (bigint as text, null when empty) and `log` (base64 text, null
 * when empty). Decode with `decodeSectionLog`. No `count(*)`: the frames are the rows, and a
 * second pass over 20,000 rows cost PGlite ≈ 8–15 ms (max(id) is one index probe).
 */
export function sectionLogColumns(sectionId: string): { maxId: SQL<string | null>; log: SQL<string | null> } {
  const from = sql`from ${sectionUpdates} u where u.section_id = ${sectionId}`;
  return {
    maxId: sql<string | null>`(select max(u.id)::text ${from})`,
    log: sql<string | null>`(select encode(string_agg(int4send(length(u.update)) || u.update, ''::bytea order by u.id), 'base64') ${from})`,
  };
}

/**
 * Splits a framed log (see the module comment) into its updates.
 * @throws Error when a frame runs past the end (a corrupt or truncated value).
 */
export function splitFramedLog(buf: Uint8Array): Uint8Array[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at < buf.byteLength; ) {
    if (at + 4 > buf.byteLength) throw new Error("section log: truncated frame header");
    const n = view.getUint32(at);
    if (at + 4 + n > buf.byteLength) throw new Error("section log: truncated frame");
    // a plain Uint8Array view, not a Buffer (Buffer#subarray): the join (merge-log.ts) then
    // reads one array type only, which V8 optimises (mixed, it ran ≈ 2× slower)
    out.push(new Uint8Array(buf.buffer, buf.byteOffset + at + 4, n));
    at += 4 + n;
  }
  return out;
}

/**
 * Decodes the columns of `sectionLogColumns` into a `SectionLog`.
 * @throws Error when a frame is truncated (see `splitFramedLog`).
 */
export function decodeSectionLog(row: { maxId: string | null; log: string | null }): SectionLog {
  const updates = row.log ? splitFramedLog(Buffer.from(row.log, "base64")) : [];
  return { updates, rows: updates.length, maxId: row.maxId === null ? 0 : Number(row.maxId) };
}

/** Reads the log of `sectionId` (empty when the section has none or does not exist). */
export async function readSectionLog(db: DbOrTx, sectionId: string): Promise<SectionLog> {
  const cols = sectionLogColumns(sectionId);
  const [row] = await db.select(cols).from(sql`(select 1) as one`);
  return decodeSectionLog(row);
}
