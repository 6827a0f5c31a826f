/**
 * Finalize a report: no blank left in any printed part (title, 主送, opening, headings, bodies,
 * 附件, 落款) unless marked 有意保留, and every reviewed section and the opening approved → the
 * approved versions assembled in
 * outline order into an immutable numbered final (第1版, 第2版 after a reopen…), and the report
 * marked finalized. One transaction with optimistic concurrency on `reports.version`; everyone
 * involved is notified (report_finalized) in it.
 */
import { isDone, reportTransition } from "@/lib/workflow";
import { and, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reportEvents, reportFinals, reports } from "@/db/schema";
import { AppError, conflict, refused } from "@/lib/errors";
import type { AssembledDocument } from "@/lib/export/types";
import { notifyingTransaction } from "@/lib/notify/commit";
import { notify } from "@/lib/notify/notify";
import { assertReport, type Principal } from "@/lib/policy";
import { PART_LABELS } from "@/lib/reports/parts-placeholders";
import { loadReportParts } from "@/lib/reports/report-parts";
import { assembleReport, chineseDate, isReviewed } from "./assemble-report";

export interface FinalizeInput {
  reportId: string;
  actor: Principal;
  /** The `reports.version` the admin saw; a different current version → conflict. */
  expectedVersion?: number;
  /** Clock for tests. */
  now?: Date;
}

export interface FinalizeResult {
  finalId: string;
  number: number;
  version: number;
  document: AssembledDocument;
}

/**
 * Finalizes the report.
 * @throws AppError forbidden (not admin), not_found, refused (already finalized, nothing to
 *   review), placeholders (blanks remain; `details`: [{ part, sectionId?, text, context, key }]),
 *   conflict (a section or the opening not approved — the message lists them with their
 *   numbers —, stale version or a race).
 */
export async function finalizeReport(db: Db, input: FinalizeInput): Promise<FinalizeResult> {
  assertReport(input.actor, "finalize");
  const now = input.now ?? new Date();
  return notifyingTransaction(db, async (tx) => {
    // Lock the report row: a racing finalize waits here, then sees `finalized` and is refused.
    await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, input.reportId)).for("update");
    const { report, sections, opening, placeholders } = await loadReportParts(tx, input.reportId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== report.version) throw conflict();
    const next = reportTransition(report.status, "finalize");
    if ("refusal" in next) throw refused(next.refusal);
    if (placeholders.length) {
      const where = [...new Set(placeholders.map((p) => PART_LABELS[p.part]))].join("、");
      throw new AppError("placeholders", `还有 ${placeholders.length} 处待补充内容（${where}），不能定稿`, undefined,
        placeholders.map((p) => ({ part: p.part, ...(p.sectionId ? { sectionId: p.sectionId } : {}), text: p.text, context: p.context, key: p.key })));
    }
    const reviewed = [...(opening ? [opening] : []), ...sections.filter(isReviewed)];
    const pending = reviewed.filter((s) => !isDone(s.state));
    if (pending.length) {
      throw conflict(`还有 ${pending.length} 个部分未通过审核，不能定稿：${pending.map((s) => `${s.number}${s.title}`).join("；")}`);
    }
    if (!sections.some(isReviewed)) throw refused("总结没有任何需要审核的章节，不能定稿");
    const [{ last }] = await tx.select({ last: max(reportFinals.number) }).from(reportFinals).where(eq(reportFinals.reportId, report.id));
    const number = (last ?? 0) + 1;
    const assembled = await assembleReport(tx, report.id, { useApproved: true });
    const document: AssembledDocument = { ...assembled, draft: false, finalVersion: number, date: assembled.date ?? chineseDate(now) };
    const [final] = await tx
      .insert(reportFinals)
      .values({ reportId: report.id, number, document, createdBy: input.actor.id, createdAt: now })
      .returning({ id: reportFinals.id });
    const updated = await tx
      .update(reports)
      .set({ status: next.to, version: report.version + 1, updatedAt: now })
      .where(and(eq(reports.id, report.id), eq(reports.version, report.version)))
      .returning({ version: reports.version });
    if (updated.length === 0) throw conflict();
    await tx.insert(reportEvents).values({ reportId: report.id, actorId: input.actor.id, event: "finalize", finalNumber: number, createdAt: now });
    await notify(tx, { kind: "report_finalized", reportId: report.id, actorId: input.actor.id, title: `《${report.title}》已定稿（第${number}版）` });
    return { finalId: final.id, number, version: updated[0].version, document };
  });
}
