/**
 * `POST /api/sections/<id>/transition` with `{ event, version, comment?, returnToPrevious?, to?,
 * from? }` → 200 `{ state, version }`, plus `stage` (the chain stage it waits at now) when an
 * approver acted at a stage and the section is still in review; 403 not allowed (policy, not this stage's approver, separation of duties — with the
 * reason); 409 stale version; 422 refused (placeholders left, comment missing, impossible in
 * this state) — errors as `{ error: { code, message } }`. Same command as the UI's server
 * actions (lib/review/transition-section.ts), which authorises itself.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { validation } from "@/lib/errors";
import { getSection } from "@/lib/review/get-section";
import { stageJson } from "@/lib/review/stage-view";
import { transitionSection } from "@/lib/review/transition-section";
import { isStaged, stepFor } from "@/lib/workflow";
import { transitionBodySchema } from "./schema";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ req, user, params }) => {
  const raw = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ event, version, comment? }");
  });
  const body = transitionBodySchema.parse(raw);
  const db = await getDb();
  const r = await transitionSection(db, { sectionId: params.id, ...body, actor: user });
  if (!isStaged(r.state) || !stepFor(r.from, body.event)?.actor.startsWith("stage_")) return { state: r.state, version: r.version };
  const { section, review } = await getSection(db, params.id);
  return { state: r.state, version: r.version, stage: stageJson(section.state, section.departmentId, review) };
});
