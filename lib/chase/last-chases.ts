/**
 * The latest 催报 of each department of a report, with who pressed it: the rate limit (once per
 * department per hour) and the dashboard's "已于 14:05 由 张三 催报" both read it.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reportChases, users } from "@/db/schema";

/** One hour: a department is chased at most once per report in this window. */
export const CHASE_INTERVAL_MS = 3_600_000;

export interface LastChase {
  departmentId: string;
  at: Date;
  /** Display name of the admin who chased (null when the account was deleted). */
  actorName: string | null;
  note: string | null;
  /** `at` + one hour: when the department may be chased again. */
  nextAllowedAt: Date;
}

/**
 * The latest chase per department of `reportId` (only `departmentIds` when given).
 * @returns a map department id → its latest chase.
 */
export async function lastChases(db: DbOrTx, reportId: string, departmentIds?: string[]): Promise<Map<string, LastChase>> {
  if (departmentIds && departmentIds.length === 0) return new Map();
  const where = departmentIds
    ? and(eq(reportChases.reportId, reportId), inArray(reportChases.departmentId, departmentIds))
    : eq(reportChases.reportId, reportId);
  const rows = await db
    .select({ departmentId: reportChases.departmentId, at: reportChases.createdAt, actorName: users.displayName, note: reportChases.note })
    .from(reportChases)
    .leftJoin(users, eq(reportChases.actorId, users.id))
    .where(where)
    .orderBy(desc(reportChases.createdAt));
  const latest = new Map<string, LastChase>();
  for (const r of rows) {
    if (latest.has(r.departmentId)) continue;
    latest.set(r.departmentId, { ...r, nextAllowedAt: new Date(r.at.getTime() + CHASE_INTERVAL_MS) });
  }
  return latest;
}
