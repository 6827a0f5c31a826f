/**
 * `GET /api/sections/<id>/history` → `{ events: [...], versions: [...] }`: the audit log of
 * review transitions and the frozen versions (without content), newest first.
 */
import { eq } from "drizzle-orm";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { sections } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertSection } from "@/lib/policy";
import { listReviewEvents, listVersions } from "@/lib/review/history";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user, params }) => {
  const db = await getDb();
  const [section] = await db.select().from(sections).where(eq(sections.id, params.id));
  if (!section) throw notFound("章节");
  assertSection(user, "read", section, "该章节分配给其他部门，您无权查看");
  const [events, versions] = [await listReviewEvents(db, section.id), await listVersions(db, section.id)];
  return { events, versions };
});
