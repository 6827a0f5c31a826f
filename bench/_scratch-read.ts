import { eq, sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { ensureOrganisation } from "@/lib/demo/ensure-organisation";
import { createReport } from "@/lib/reports/create-report";
import { typingUpdates } from "./prepare";
const h = await openDatabase({ memory: true });
const db = h.db;
await ensureOrganisation(db, { ...process.env, HEGAO_DEMO: "0" });
const created = await createReport(db, { title: "冷启动", organisationName: "压测单位", sections: [{ level: 1, title: "cold", body: "坚持问题导向。" }] });
const id = created.sections[0].id;
const [first] = await db.select({ update: sectionUpdates.update }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, id));
const ups = typingUpdates(first.update, 19999);
for (let i = 0; i < ups.length; i += 1000) await db.insert(sectionUpdates).values(ups.slice(i, i + 1000).map((update) => ({ sectionId: id, update })));
await db.execute(sql`analyze section_updates`);
const client = (db as any).$client ?? (db as any).session.client;
const med = (xs: number[]) => xs.sort((a, c) => a - c)[xs.length >> 1];
async function t(name: string, f: () => Promise<unknown>) { const xs = []; for (let i = 0; i < 11; i++) { const t0 = performance.now(); await f(); xs.push(performance.now() - t0); } console.log(name.padEnd(40), med(xs).toFixed(1)); }
const agg = `string_agg(int4send(length(u.update)) || u.update, ''::bytea order by u.id)`;
const where = `from section_updates u where u.section_id = '${id}'`;
for (let k = 0; k < 3; k++) {
await t("length(framed agg)", () => client.query(`select length(${agg}) ${where}`));
await t("length(plain agg)", () => client.query(`select length(string_agg(u.update, ''::bytea order by u.id)) ${where}`));
await t("count(*)", () => client.query(`select count(*) ${where}`));
await t("max(length(update))", () => client.query(`select max(length(update)) ${where}`));
await t("max(id)", () => client.query(`select max(id) ${where}`));
}
await h.close();
