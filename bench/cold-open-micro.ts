/**
 * Micro-benchmark of the server's cold-open load path (issue 14), outside any server: a
 * section with a raw log of `--rows` (default 20,000) small typing updates (bench/prepare.ts's
 * `typingUpdates`), in an in-memory PGlite and in a fresh PostgreSQL database
 * (`hegao_coldopen_<pid>` on 127.0.0.1:5432, dropped after). Times the load split into SQL read,
 * decode (framed value → updates) and apply (updates → Y.Doc); prints the median of `--runs`
 * (default 10) per variant, in ms, and the first (warm-up) run's total: the variants run in
 * order in one process, so only the first variant's first run has fully cold code.
 *
 *   node --max-semi-space-size=32 --import tsx bench/cold-open-micro.ts [--rows 20000] [--runs 10]
 *     [--only pglite|postgres] [--variant <part of a name>]
 *   (FIRST_SPLIT=1 prints the first run's split)
 */
import pg from "pg";
import * as Y from "yjs";
import { eq, sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { reports, sectionUpdates, sections } from "@/db/schema";
import { ensureOrganisation } from "@/lib/demo/ensure-organisation";
import { createReport } from "@/lib/reports/create-report";
import { typingUpdates } from "./prepare";
import { VARIANTS, type Variant } from "./cold-open-variants";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg("rows", "20000"));
const RUNS = Number(arg("runs", "10"));
const ONLY = arg("only", "");
const VARIANT = arg("variant", "");
const BASE = "postgres://postgres@127.0.0.1:5432/postgres";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Creates one section and fills its log to ROWS rows; returns its id. */
async function fill(db: Db): Promise<string> {
  await ensureOrganisation(db, { ...process.env, HEGAO_DEMO: "0" });
  const created = await createReport(db, { title: "冷启动", organisationName: "压测单位", sections: [{ level: 1, title: "cold", body: "坚持问题导向，聚焦群众关切。" }] });
  const sectionId = created.sections[0].id;
  const [first] = await db.select({ update: sectionUpdates.update }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
  const updates = typingUpdates(first.update, ROWS - 1);
  for (let i = 0; i < updates.length; i += 1000) {
    await db.insert(sectionUpdates).values(updates.slice(i, i + 1000).map((update) => ({ sectionId, update })));
  }
  return sectionId;
}

/** Runs one variant RUNS times (after one warm-up); returns median ms of each phase. */
async function time(db: Db, sectionId: string, v: Variant, reference: Uint8Array) {
  const read: number[] = [], decode: number[] = [], apply: number[] = [], total: number[] = [];
  let first = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const row = await v.read(db, sectionId);
    const t1 = performance.now();
    const updates = v.decode(row);
    const t2 = performance.now();
    const doc = new Y.Doc();
    v.apply(doc, updates);
    const t3 = performance.now();
    if (i === 0) {
      first = t3 - t0; // the first call runs colder code (a server's first cold open)
      if (process.env.FIRST_SPLIT) console.log(`first: read ${(t1 - t0).toFixed(1)} decode ${(t2 - t1).toFixed(1)} apply ${(t3 - t2).toFixed(1)}`);
      const got = Y.encodeStateVector(doc);
      if (Buffer.compare(Buffer.from(got), Buffer.from(reference)) !== 0) throw new Error(`${v.name}: state vector differs`);
      continue; // warm-up
    }
    doc.destroy();
    read.push(t1 - t0); decode.push(t2 - t1); apply.push(t3 - t2); total.push(t3 - t0);
  }
  const f = (x: number) => x.toFixed(1).padStart(6);
  console.log(`${v.name.padEnd(28)} read ${f(median(read))}  decode ${f(median(decode))}  apply ${f(median(apply))}  total ${f(median(total))}  (first ${f(first)}) ms`);
}

async function run(label: string, db: Db): Promise<void> {
  const sectionId = await fill(db);
  // keep the planner honest on a fresh table, as a server long after its inserts would be
  await db.execute(sql`analyze section_updates`);
  const refRow = await VARIANTS[0].read(db, sectionId);
  const refDoc = new Y.Doc();
  VARIANTS[0].apply(refDoc, VARIANTS[0].decode(refRow));
  const reference = Y.encodeStateVector(refDoc);
  console.log(`\n${label}: ${ROWS} rows, median of ${RUNS}`);
  for (const v of VARIANTS) if (!VARIANT || v.name.includes(VARIANT)) await time(db, sectionId, v, reference);
  void reports; void sections;
}

if (ONLY !== "postgres") {
  const h = await openDatabase({ memory: true });
  try { await run("PGlite (in process, in memory)", h.db); } finally { await h.close(); }
}
if (ONLY !== "pglite") {
  const name = `hegao_coldopen_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const h = await openDatabase({ databaseUrl: BASE.replace(/\/postgres$/, `/${name}`) });
    try { await run("PostgreSQL 127.0.0.1", h.db); } finally { await h.close(); }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
