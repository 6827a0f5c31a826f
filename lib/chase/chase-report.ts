/**
 * 催报: the coordinating office (admin) chases one department, or every department with an
 * overdue open section, with an optional note. Recorded in `report_chases` and the report's
 * audit (`report_events`, event "chase"), and notified to the department's editors and lead
 * (`notify` kind "chase", recipients by lib/notify/recipients.ts) in the same transaction; their
 * bells hear of it after commit (`notifyingTransaction`).
 *
 * Rate limit: once per department per report per hour, decided inside the transaction that
 * holds the report row locked (`SELECT … FOR UPDATE`), so two simultaneous chases of one
 * department send one: the second waits for the lock and then sees the first's row.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reportChases, reportEvents, reports } from "@/db/schema";
import { notFound, rateLimited, refused, validation } from "@/lib/errors";
import { notifyingTransaction } from "@/lib/notify/commit";
import { notify } from "@/lib/notify/notify";
import { assertReport, type Principal } from "@/lib/policy";
import { isReportOpen } from "@/lib/workflow/vocabulary";
import { chaseMessage } from "./chase-message";
import { chinaToday, clockTime } from "./dates";
import { departmentDues, isOverdue, type DepartmentDue } from "./department-dues";
import { CHASE_INTERVAL_MS, lastChases } from "./last-chases";

export const NOTE_MAX = 500;

export interface ChaseInput {
  reportId: string;
  actor: Principal;
  /** The department to chase; absent: every department with an overdue open section. */
  departmentId?: string;
  note?: string;
  /** The clock (tests); default: now. */
  now?: Date;
}

export interface ChaseResult {
  /** Number of departments chased. */
  sent: number;
  /** When the departments chased now may be chased again (now + 1 hour). */
  nextAllowedAt: Date;
  chased: { departmentId: string; name: string }[];
  /** "All overdue" only: departments left out because they were chased within the hour. */
  skipped: { departmentId: string; name: string; nextAllowedAt: Date }[];
}

/**
 * Chases and returns what was sent.
 * @throws AppError forbidden (not admin), validation (note too long), not_found (report, or a
 *   department without sections in it), refused (report finalized; nothing left to chase),
 *   rate_limited (429, details.nextAllowedAt ISO) when every target was chased within the hour.
 */
export async function chaseReport(db: Db, input: ChaseInput): Promise<ChaseResult> {
  assertReport(input.actor, "administer", undefined, "只有管理员可以催报");
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) throw validation(`留言过长（最多 ${NOTE_MAX} 字）`, "note");
  const now = input.now ?? new Date();
  return notifyingTransaction(db, async (tx) => {
    const [locked] = await tx.select({ id: reports.id, status: reports.status }).from(reports).where(eq(reports.id, input.reportId)).for("update");
    if (!locked) throw notFound("总结");
    if (!isReportOpen(locked.status)) throw refused("总结已定稿，无需催报");
    const { report, departments } = await departmentDues(tx, input.reportId, chinaToday(now));
    const targets = pickTargets(departments, input.departmentId);
    const last = await lastChases(tx, report.id, targets.map((d) => d.departmentId));
    const allowed = targets.filter((d) => !last.has(d.departmentId) || last.get(d.departmentId)!.nextAllowedAt <= now);
    const skipped = targets.filter((d) => !allowed.includes(d)).map((d) => ({ departmentId: d.departmentId, name: d.name, nextAllowedAt: last.get(d.departmentId)!.nextAllowedAt }));
    if (allowed.length === 0) {
      const next = new Date(Math.min(...skipped.map((s) => s.nextAllowedAt.getTime())));
      const who = input.departmentId ? "该部门" : "逾期部门";
      throw rateLimited(`${who} 1 小时内已催报过，可于 ${clockTime(next)} 后再催`, { nextAllowedAt: next.toISOString() });
    }
    for (const d of allowed) {
      await tx.insert(reportChases).values({ reportId: report.id, departmentId: d.departmentId, actorId: input.actor.id, note, createdAt: now });
      await tx.insert(reportEvents).values({ reportId: report.id, actorId: input.actor.id, event: "chase", comment: note ? `${d.name}：${note}` : d.name, createdAt: now });
      await notify(tx, { kind: "chase", reportId: report.id, departmentId: d.departmentId, actorId: input.actor.id, ...chaseMessage(report, d, note) });
    }
    return {
      sent: allowed.length,
      nextAllowedAt: new Date(now.getTime() + CHASE_INTERVAL_MS),
      chased: allowed.map((d) => ({ departmentId: d.departmentId, name: d.name })),
      skipped,
    };
  });
}

/** The departments to chase: the one named (it must have open sections), or all overdue ones. */
function pickTargets(departments: DepartmentDue[], departmentId?: string): DepartmentDue[] {
  if (departmentId) {
    const d = departments.find((x) => x.departmentId === departmentId);
    if (!d) throw notFound("本总结中该部门的章节");
    if (d.pending.length === 0) throw refused(`${d.name}的章节均已审核通过，无需催报`);
    return [d];
  }
  const overdue = departments.filter(isOverdue);
  if (overdue.length === 0) throw refused("目前没有逾期未完成的部门");
  return overdue;
}
