/**
 * Per department of a report: its sections, how many are approved, which are still open with
 * their effective due date (the section's own, else the report's deadline), and the days left
 * until the earliest one. One query (the outline); 催报, the dashboard and the deadline
 * reminders all read this, so they agree on who is overdue.
 */
import type { DbOrTx } from "@/db/client";
import type { Report } from "@/db/schema";
import { getReportWithOutline } from "@/lib/reports/get-report";
import { isDone } from "@/lib/workflow/vocabulary";
import { daysUntil } from "./dates";

/** A section not yet approved. */
export interface PendingSection {
  id: string;
  /** Computed number + title, e.g. "（一）坚持政治引领". */
  label: string;
  /** Effective due date (YYYY-MM-DD) or null when neither the section nor the report has one. */
  due: string | null;
}

export interface DepartmentDue {
  departmentId: string;
  name: string;
  color: string;
  total: number;
  approved: number;
  pending: PendingSection[];
  /** Earliest due date among `pending`, or null. */
  due: string | null;
  /** Days from today to `due` (negative: overdue by that many days), null without one. */
  daysLeft: number | null;
}

/**
 * The report and its departments in outline order (departments without sections are absent).
 * @param today YYYY-MM-DD in Asia/Shanghai (lib/chase/dates.ts chinaToday).
 * @throws AppError not_found when the report does not exist.
 */
export async function departmentDues(db: DbOrTx, reportId: string, today: string): Promise<{ report: Report; departments: DepartmentDue[] }> {
  const { report, sections } = await getReportWithOutline(db, reportId);
  const byDept = new Map<string, DepartmentDue>();
  for (const s of sections) {
    if (s.headingOnly || !s.departmentId) continue;
    const d = byDept.get(s.departmentId) ?? {
      departmentId: s.departmentId, name: s.departmentName ?? "", color: s.departmentColor ?? "#94a3b8",
      total: 0, approved: 0, pending: [], due: null, daysLeft: null,
    };
    d.total += 1;
    if (isDone(s.state)) d.approved += 1;
    else d.pending.push({ id: s.id, label: `${s.number}${s.title}`, due: s.dueDate ?? report.deadline ?? null });
    byDept.set(s.departmentId, d);
  }
  const departments = [...byDept.values()];
  for (const d of departments) {
    const dues = d.pending.map((p) => p.due).filter((x): x is string => !!x).sort();
    d.due = dues[0] ?? null;
    d.daysLeft = d.due ? daysUntil(d.due, today) : null;
  }
  return { report, departments };
}

/** True when the department has an open section past its due date. */
export const isOverdue = (d: DepartmentDue): boolean => d.daysLeft !== null && d.daysLeft < 0;
