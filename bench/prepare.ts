/**
 * Fills a fresh data folder for the benchmark while no server runs (PGlite is single-process):
 * the demo organisation, one department and one editor account per load section (scrypt is
 * slow, so simulated clients share their room's account), a report with the load sections,
 * the memory sections and the cold-open sections, and 20,000 small real Yjs updates in the log
 * of each cold-open section (inserted directly into section_updates).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { createDepartment } from "@/lib/accounts/departments";
import { createUser } from "@/lib/accounts/users";
import { ensureOrganisation } from "@/lib/demo/ensure-organisation";
import { createReport } from "@/lib/reports/create-report";

export const BENCH_PASSWORD = "bench-pass-2026";

export interface PreparedData {
  dataDir: string;
  /** Load sections, each with the account (of its department) that may write it. */
  loadSections: { id: string; username: string }[];
  memorySections: { id: string; username: string }[];
  /** Fresh sections for the scale steps (the default load's sections have grown by then). */
  scaleSections: { id: string; username: string }[];
  coldSections: { id: string; username: string; rows: number }[];
  /** PostgreSQL URL when the bench runs on PostgreSQL (else the server uses PGlite in dataDir). */
  databaseUrl?: string;
}

export interface PrepareOptions {
  rooms: number;
  memoryRooms: number;
  scaleRooms: number;
  /** One cold-open section per entry, with that many rows in its log. */
  coldLogs: number[];
  /** Use this PostgreSQL database instead of PGlite in the data folder. */
  databaseUrl?: string;
}

const SENTENCE = "坚持问题导向，聚焦群众关切，推动各项政策措施落地见效。加强统筹协调，压实工作责任。";
const body = (chars: number) => SENTENCE.repeat(Math.ceil(chars / SENTENCE.length)).slice(0, chars);

/** Small real updates: one character typed at a time into a new paragraph of `base`'s document. */
export function typingUpdates(base: Uint8Array, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const p = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  p.insert(0, [text]);
  doc.getXmlFragment("default").push([p]);
  for (let i = updates.length; i < count; i++) text.insert(text.length, "字");
  doc.destroy();
  return updates;
}

/** Brings the section's log to `count` rows (its creation row + count - 1 typing updates); returns the rows. */
async function insertColdLog(db: Db, sectionId: string, count: number): Promise<number> {
  const [first] = await db.select({ update: sectionUpdates.update }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
  const updates = typingUpdates(first.update, count - 1);
  for (let i = 0; i < updates.length; i += 1000) {
    await db.insert(sectionUpdates).values(updates.slice(i, i + 1000).map((update) => ({ sectionId, update })));
  }
  return updates.length + 1;
}

/**
 * Creates and fills a data folder under the OS temp folder (`/tmp/bench-*`); runs `withDb` on
 * the open database last (e.g. the export benchmark); returns what the folder holds.
 */
export async function prepareData(opts: PrepareOptions, withDb?: (db: Db) => Promise<void>): Promise<PreparedData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
  const handle = await openDatabase(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir });
  try {
    const db = handle.db;
    await ensureOrganisation(db, { ...process.env, HEGAO_DEMO: "1" });
    const accounts = await Promise.all(
      Array.from({ length: opts.rooms }, async (_, i) => {
        const n = String(i + 1).padStart(2, "0");
        const dept = await createDepartment(db, { name: `压测部门${n}` });
        await createUser(db, { username: `bench${n}`, password: BENCH_PASSWORD, departmentId: dept.id, role: "editor", displayName: `压测${n}` });
        return { username: `bench${n}`, departmentId: dept.id };
      }),
    );
    const kinds = [
      ...Array.from({ length: opts.rooms }, (_, i) => ({ kind: "load", acct: accounts[i], chars: 1500 })),
      ...Array.from({ length: opts.memoryRooms }, (_, i) => ({ kind: "memory", acct: accounts[i % accounts.length], chars: 1500 })),
      ...Array.from({ length: opts.scaleRooms }, (_, i) => ({ kind: "scale", acct: accounts[i % accounts.length], chars: 1500 })),
      ...opts.coldLogs.map((rows) => ({ kind: "cold", acct: accounts[0], chars: 200, rows })),
    ];
    const created = await createReport(db, {
      title: "压测用工作总结",
      organisationName: "压测单位",
      sections: kinds.map((k, i) => ({ level: 1, title: `${k.kind}-${i + 1}`, body: body(k.chars), departmentId: k.acct.departmentId })),
    });
    const out: PreparedData = { dataDir, loadSections: [], memorySections: [], scaleSections: [], coldSections: [], databaseUrl: opts.databaseUrl };
    for (const [i, s] of created.sections.entries()) {
      const { kind, acct, rows } = kinds[i] as (typeof kinds)[number] & { rows?: number };
      if (kind === "load") out.loadSections.push({ id: s.id, username: acct.username });
      else if (kind === "memory") out.memorySections.push({ id: s.id, username: acct.username });
      else if (kind === "scale") out.scaleSections.push({ id: s.id, username: acct.username });
      else out.coldSections.push({ id: s.id, username: acct.username, rows: await insertColdLog(db, s.id, rows ?? 1) });
    }
    if (withDb) await withDb(db);
    return out;
  } finally {
    await handle.close();
  }
}
