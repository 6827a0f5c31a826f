/**
 * Runs at start on an opened, migrated database: when it is empty, creates the organisation
 * row and (unless `HEGAO_DEMO=0`) the demo organisation with departments, accounts and one
 * demo report. Idempotent: a database with an organisation row is left alone.
 */
import type { Db } from "@/db/client";
import { organisation } from "@/db/schema";
import { seedDemo } from "./seed-demo";

/** Ensures the organisation exists; seeds the demo on an empty database unless disabled. */
export async function ensureOrganisation(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const [existing] = await db.select().from(organisation);
  if (existing) return;
  if (env.HEGAO_DEMO === "0") {
    await db.insert(organisation).values({ name: env.HEGAO_ORG_NAME?.trim() || "本单位", demo: false }).onConflictDoNothing();
    return;
  }
  await seedDemo(db);
}

/** The organisation's name and demo flag (for the header and the demo banner). */
export async function getOrganisation(db: Db): Promise<{ name: string; demo: boolean }> {
  const [row] = await db.select().from(organisation);
  return row ? { name: row.name, demo: row.demo } : { name: "本单位", demo: false };
}
