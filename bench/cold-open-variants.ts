/**
 * The load-path variants compared by bench/cold-open-micro.ts: how the log is read (SQL),
 * split into updates (decode) and applied to a fresh Y.Doc (apply).
 */
import * as Y from "yjs";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { applyLog, concatUpdates } from "@/lib/collab/merge-log";
import { decodeSectionLog, sectionLogColumns, splitFramedLog } from "@/lib/collab/section-log";

export interface Variant {
  name: string;
  read(db: Db, sectionId: string): Promise<unknown>;
  decode(row: unknown): Uint8Array[];
  apply(doc: Y.Doc, updates: Uint8Array[]): void;
}

type Base64Row = { maxId: string | null; log: string | null };

/** The statement before issue 14's second pass: a count(*) beside max(id) and the framed log. */
const readBefore = async (db: Db, id: string) => {
  const from = sql`from section_updates u where u.section_id = ${id}`;
  const cols = { rows: sql<number>`(select count(*)::int ${from})`.mapWith(Number), ...sectionLogColumns(id) };
  return (await db.select(cols).from(sql`(select 1) as one`))[0];
};
const readBase64 = async (db: Db, id: string) => (await db.select(sectionLogColumns(id)).from(sql`(select 1) as one`))[0];
const decodeBase64 = (row: unknown) => decodeSectionLog(row as Base64Row).updates;

const readBytea = async (db: Db, id: string) => {
  const res = await db.execute(sql`select string_agg(int4send(length(u.update)) || u.update, ''::bytea order by u.id) as log from section_updates u where u.section_id = ${id}`);
  return (res as unknown as { rows: { log: Uint8Array | null }[] }).rows[0].log;
};
const decodeBytea = (row: unknown) => (row ? splitFramedLog(row as Uint8Array) : []);

const applyEach = (doc: Y.Doc, updates: Uint8Array[]) => Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));

/** Merges pairs, then pairs of pairs…: each update is merged log2(n) times. */
function treeMerge(updates: Uint8Array[], leaf = 1): Uint8Array {
  let level: Uint8Array[] = [];
  for (let i = 0; i < updates.length; i += leaf) level.push(leaf === 1 ? updates[i] : Y.mergeUpdates(updates.slice(i, i + leaf)));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? Y.mergeUpdates([level[i], level[i + 1]]) : level[i]);
    level = next;
  }
  return level[0] ?? new Uint8Array([0, 0]);
}

export const VARIANTS: Variant[] = [
  { name: "before: count+log, apply×n", read: readBefore, decode: decodeBase64, apply: applyEach },
  { name: "base64, applyUpdate×n", read: readBase64, decode: decodeBase64, apply: applyEach },
  { name: "after: log, concat, apply once", read: readBase64, decode: decodeBase64, apply: (doc, u) => applyLog(doc, u) },
  { name: "base64, concat only", read: readBase64, decode: decodeBase64, apply: (doc, u) => { if (!concatUpdates(u)) throw new Error("not joined"); applyEach(doc, u); } },
  { name: "bytea, applyUpdate×n", read: readBytea, decode: decodeBytea, apply: applyEach },
  { name: "base64, tree merge, apply", read: readBase64, decode: decodeBase64, apply: (doc, u) => Y.applyUpdate(doc, treeMerge(u)) },
  { name: "base64, tree merge/16, apply", read: readBase64, decode: decodeBase64, apply: (doc, u) => Y.applyUpdate(doc, treeMerge(u, 16)) },
];
