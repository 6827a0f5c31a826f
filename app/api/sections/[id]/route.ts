/**
 * `GET /api/sections/<id>` → `{ id, reportId, title, number, level, departmentId, state,
 * version, placeholders }` (design.md "Interfaces"); placeholders = unresolved count.
 * Authorised by the session cookie and the policy (editors: own department only).
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { assertSection } from "@/lib/policy";
import { getSectionView, sectionJson } from "@/lib/review/section-view";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user, params }) => {
  const section = await getSectionView(await getDb(), params.id);
  assertSection(user, "read", section, "该章节分配给其他部门，您无权查看");
  return sectionJson(section);
});
