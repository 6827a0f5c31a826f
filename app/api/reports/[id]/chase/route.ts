/**
 * `POST /api/reports/<id>/chase` (admin) with `{ departmentId?, note? }` → `{ sent,
 * nextAllowedAt }` (sent = departments chased; without `departmentId`: every department with an
 * overdue open section). 429 `rate_limited` with `details.nextAllowedAt` inside the hourly limit;
 * 403 not admin; 404 report or department; 422 bad body, finalized report or nothing to chase.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { chaseReport } from "@/lib/chase/chase-report";
import { chaseBodySchema } from "@/lib/chase/schemas";
import { validation } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ req, user, params }) => {
  const raw = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ departmentId?, note? }");
  });
  const body = chaseBodySchema.parse(raw ?? {});
  const r = await chaseReport(await getDb(), { reportId: params.id, actor: user, ...body });
  return { sent: r.sent, nextAllowedAt: r.nextAllowedAt.toISOString() };
});
