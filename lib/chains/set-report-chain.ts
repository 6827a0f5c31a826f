/**
 * Changes a report's review chain (`PUT /api/reports/<id>/review-chain`, the report's chain
 * page): admin only, refused while any section of the report waits in review (its stage would
 * lose its meaning), and while the report is finalized.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reports, sections } from "@/db/schema";
import { conflict, notFound, refused } from "@/lib/errors";
import { assertReport, type Principal } from "@/lib/policy";
import { chainSchema, isReportOpen, SECTION_STATES, STATE_META, type Chain } from "@/lib/workflow";
import { checkChainNames } from "./check-names";

export const reportChainSchema = z.object({
  stages: chainSchema,
  name: z.string().trim().min(1).max(60).optional(),
});

/**
 * Replaces the report's chain; returns the stored `{ name, stages }`.
 * @throws AppError forbidden (not an admin), not_found, validation (ZodError → 422: empty stage,
 *   bad mode; unknown account or department), conflict (a section is in review), refused (finalized).
 */
export async function setReportChain(db: Db, input: { reportId: string; actor: Principal; body: unknown }): Promise<{ name: string; stages: Chain }> {
  assertReport(input.actor, "administer", undefined, "只有管理员可以设置审核流程");
  const data = reportChainSchema.parse(input.body);
  await checkChainNames(db, data.stages);
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.reportId)).for("update");
    if (!report) throw notFound("总结");
    if (!isReportOpen(report.status)) throw refused("总结已定稿，不能修改审核流程");
    const staged = SECTION_STATES.filter((s) => STATE_META[s].staged);
    const [busy] = await tx.select({ id: sections.id }).from(sections)
      .where(and(eq(sections.reportId, report.id), inArray(sections.state, staged))).limit(1);
    if (busy) throw conflict("有章节正在审核中，不能修改审核流程；请等审核结束或退回后再改");
    const name = data.name ?? "自定义流程";
    await tx.update(reports).set({ reviewChain: data.stages, reviewChainName: name, updatedAt: new Date() }).where(eq(reports.id, report.id));
    return { name, stages: data.stages };
  });
}
