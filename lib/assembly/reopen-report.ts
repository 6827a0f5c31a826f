/**
 * Reopen a finalized report (admin, with a reason): status back to `collecting` so sections can
 * be reopened and edited again. Finals already made stay downloadable and unchanged. Everyone
 * involved is notified (report_reopened, with the reason) in the same transaction.
 */
import { reportTransition } from "@/lib/workflow";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reportEvents, reports } from "@/db/schema";
import { conflict, notFound, refused, validation } from "@/lib/errors";
import { notifyingTransaction } from "@/lib/notify/commit";
import { notify } from "@/lib/notify/notify";
import { assertReport, type Principal } from "@/lib/policy";

export interface ReopenInput {
  reportId: string;
  actor: Principal;
  reason: string;
  expectedVersion?: number;
}

/**
 * Reopens the report; returns its new version.
 * @throws AppError forbidden (not admin), validation (no reason), not_found, refused (not
 *   finalized), conflict (stale version).
 */
export async function reopenReport(db: Db, input: ReopenInput): Promise<{ version: number }> {
  assertReport(input.actor, "finalize");
  const reason = input.reason.trim();
  if (!reason) throw validation("重新打开需要填写原因", "reason");
  if (reason.length > 1000) throw validation("原因过长（最多 1000 字）", "reason");
  return notifyingTransaction(db, async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.reportId)).for("update");
    if (!report) throw notFound("总结");
    if (input.expectedVersion !== undefined && input.expectedVersion !== report.version) throw conflict();
    const next = reportTransition(report.status, "reopen");
    if ("refusal" in next) throw refused(next.refusal);
    const updated = await tx
      .update(reports)
      .set({ status: next.to, version: report.version + 1, updatedAt: new Date() })
      .where(and(eq(reports.id, report.id), eq(reports.version, report.version)))
      .returning({ version: reports.version });
    if (updated.length === 0) throw conflict();
    await tx.insert(reportEvents).values({ reportId: report.id, actorId: input.actor.id, event: "reopen", comment: reason });
    await notify(tx, { kind: "report_reopened", reportId: report.id, actorId: input.actor.id, title: `《${report.title}》已重新打开`, body: reason });
    return { version: updated[0].version };
  });
}
