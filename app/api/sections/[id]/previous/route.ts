/**
 * `GET /api/sections/<id>/previous` → `{ text, contentJson, reportId, finalNumber }`: last
 * period's approved text of the section (lib/reports/previous-section.ts), `finalNumber` null
 * for imported text; 404 when the section has none or does not exist, 403 when the account may
 * not read the section.
 */
import { eq } from "drizzle-orm";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { sections } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertSection } from "@/lib/policy";
import { previousTextOf } from "@/lib/reports/previous-section";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user, params }) => {
  const db = await getDb();
  const [section] = await db.select().from(sections).where(eq(sections.id, params.id));
  if (!section) throw notFound("章节");
  assertSection(user, "read", section, "该章节分配给其他部门，您无权查看");
  const previous = await previousTextOf(db, section);
  if (!previous) throw notFound("上期内容");
  return previous;
});
