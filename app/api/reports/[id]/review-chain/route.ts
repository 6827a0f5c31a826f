/**
 * `PUT /api/reports/<id>/review-chain` (admin) with `{ stages: [{ name, mode: "any"|"all",
 * approvers: { users?, departmentLead?, department?, role? } }], name? }` → the stored
 * `{ name, stages }`; 409 while a section is in review; 422 for an empty stage or an unknown
 * account/department. `GET` → the report's chain (every signed-in account).
 */
import { eq } from "drizzle-orm";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { reports } from "@/db/schema";
import { setReportChain } from "@/lib/chains/set-report-chain";
import { notFound, validation } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ params }) => {
  const [r] = await (await getDb()).select({ name: reports.reviewChainName, stages: reports.reviewChain }).from(reports).where(eq(reports.id, params.id));
  if (!r) throw notFound("总结");
  return r;
});

export const PUT = apiHandler(async ({ req, user, params }) => {
  const body = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ stages: [...] }");
  });
  return setReportChain(await getDb(), { reportId: params.id, actor: user, body });
});
