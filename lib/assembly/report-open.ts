/**
 * The guard the review workflow calls before a section transition: a finalized report is
 * frozen until an admin reopens it (its finals stay as they are).
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reports, sections } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { isReportOpen } from "@/lib/workflow/vocabulary";

/**
 * Refuses when the report that holds `sectionId` is finalized. Call it inside the transition's
 * transaction.
 * @throws AppError not_found (section), refused (report finalized).
 */
export async function assertSectionReportOpen(db: DbOrTx, sectionId: string): Promise<void> {
  const [row] = await db
    .select({ status: reports.status })
    .from(sections)
    .innerJoin(reports, eq(sections.reportId, reports.id))
    .where(eq(sections.id, sectionId));
  if (!row) throw notFound("章节");
  if (!isReportOpen(row.status)) throw refused("总结已定稿，章节不能再变更；如需修改，请管理员先重新打开总结");
}

/**
 * Refuses when the report is finalized (outline changes, imports into it).
 * @throws AppError not_found (report), refused (report finalized).
 */
export async function assertReportOpen(db: DbOrTx, reportId: string): Promise<void> {
  const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  if (!row) throw notFound("总结");
  if (!isReportOpen(row.status)) throw refused("总结已定稿，不能修改；如需修改，请先重新打开总结");
}
