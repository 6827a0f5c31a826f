/**
 * `POST /api/sections/<id>/transition` with `{ event, version, comment? }` → 200 `{ state,
 * version }`; 403 not allowed (policy); 409 stale version; 422 refused (placeholders left,
 * comment missing, impossible in this state) — errors as `{ error: { code, message } }`.
 * Same command as the UI's server actions (lib/review/transition-section.ts).
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { validation } from "@/lib/errors";
import { transitionSection } from "@/lib/review/transition-section";
import { transitionBodySchema } from "./schema";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ req, user, params }) => {
  const raw = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ event, version, comment? }");
  });
  const body = transitionBodySchema.parse(raw);
  const r = await transitionSection(await getDb(), { sectionId: params.id, event: body.event, version: body.version, comment: body.comment, actor: user });
  return { state: r.state, version: r.version };
});
