/**
 * `GET /api/sections/<id>` → `{ id, reportId, title, number, level, departmentId, state,
 * version, placeholders }` (design.md "Interfaces"); placeholders = unresolved count.
 * Authorised by the session cookie and the policy (editors: own department only).
 *
 * `PATCH` with `{ departmentId }` (a department id, or null: unassigned) → the section as GET
 * answers it; `DELETE` → `{ deleted }` (the section and its children). Admin only: 403 for
 * anyone else, 404 unknown section, 422 invalid body or unknown department, 422 refused for a
 * finalized report. Same commands as the outline page (lib/outline).
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { validation } from "@/lib/errors";
import { assignSection } from "@/lib/outline/edit-section";
import { deleteSection } from "@/lib/outline/move-section";
import { assertSection } from "@/lib/policy";
import { getSectionView, sectionJson } from "@/lib/review/section-view";
import { sectionPatchSchema } from "./schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user, params }) => {
  const section = await getSectionView(await getDb(), params.id);
  assertSection(user, "read", section, "该章节分配给其他部门，您无权查看");
  return sectionJson(section);
});

export const PATCH = apiHandler(async ({ req, user, params }) => {
  const raw = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ departmentId }");
  });
  const body = sectionPatchSchema.parse(raw);
  const db = await getDb();
  await assignSection(db, { sectionId: params.id, actor: user, departmentId: body.departmentId });
  return sectionJson(await getSectionView(db, params.id));
});

export const DELETE = apiHandler(async ({ user, params }) => {
  return deleteSection(await getDb(), { sectionId: params.id, actor: user });
});
