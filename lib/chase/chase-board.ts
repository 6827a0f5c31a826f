/**
 * The dashboard's 部门进度与催报 panel: per department its progress, the days left until its
 * earliest open due date (还剩 3 天 / 逾期 2 天), its latest 催报 (when, by whom) and from when it
 * may be chased again; plus how many departments "催报全部逾期" would reach now.
 */
import type { DbOrTx } from "@/db/client";
import { chinaToday } from "./dates";
import { departmentDues, isOverdue, type DepartmentDue } from "./department-dues";
import { lastChases, type LastChase } from "./last-chases";

export interface ChaseBoardRow extends DepartmentDue {
  overdue: boolean;
  last: LastChase | null;
  /** When a 催报 is possible again (null: now, or never because nothing is open). */
  blockedUntil: Date | null;
}

export interface ChaseBoard {
  rows: ChaseBoardRow[];
  /** Overdue departments a "催报全部逾期" would chase now (outside their hourly limit). */
  overdueChasable: number;
  /** Overdue departments in all. */
  overdue: number;
}

/**
 * @param now the clock (days left are counted in Asia/Shanghai).
 * @throws AppError not_found when the report does not exist.
 */
export async function chaseBoard(db: DbOrTx, reportId: string, now: Date): Promise<ChaseBoard> {
  const { departments } = await departmentDues(db, reportId, chinaToday(now));
  const last = await lastChases(db, reportId);
  const rows = departments.map((d): ChaseBoardRow => {
    const l = last.get(d.departmentId) ?? null;
    return { ...d, overdue: isOverdue(d), last: l, blockedUntil: l && l.nextAllowedAt > now ? l.nextAllowedAt : null };
  });
  const overdue = rows.filter((r) => r.overdue);
  return { rows, overdue: overdue.length, overdueChasable: overdue.filter((r) => !r.blockedUntil).length };
}
