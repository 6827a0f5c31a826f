/**
 * `POST /api/reports/<id>/roll-forward` (admin) with `{ title, period }` → `{ reportId }`: the
 * next period's report from a finalized one (lib/reports/roll-forward.ts). 403 not an admin,
 * 404 unknown report, 422 not finalized or an invalid body.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { validation } from "@/lib/errors";
import { rollForwardReport, rollForwardSchema } from "@/lib/reports/roll-forward";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ req, user, params }) => {
  const raw = await req.json().catch(() => { throw validation("请求体应为 JSON"); });
  const body = rollForwardSchema.parse(raw);
  const { reportId } = await rollForwardReport(await getDb(), { reportId: params.id, actor: user, ...body });
  return { reportId };
});
