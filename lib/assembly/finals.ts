/**
 * Reading a report's finals: the list for the preview page and one final for export.
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reportFinals, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { AssembledDocument } from "@/lib/export/types";

export interface FinalSummary {
  id: string;
  number: number;
  createdAt: Date;
  createdByName: string | null;
}

/** The report's finals, newest first (第N版 … 第1版). */
export async function listFinals(db: DbOrTx, reportId: string): Promise<FinalSummary[]> {
  return db
    .select({ id: reportFinals.id, number: reportFinals.number, createdAt: reportFinals.createdAt, createdByName: users.displayName })
    .from(reportFinals)
    .leftJoin(users, eq(reportFinals.createdBy, users.id))
    .where(eq(reportFinals.reportId, reportId))
    .orderBy(desc(reportFinals.number));
}

/**
 * The stored document of final `number`, or of the latest final when `number` is undefined.
 * @throws AppError not_found when there is no such final.
 */
export async function getFinal(db: DbOrTx, reportId: string, number?: number): Promise<{ number: number; document: AssembledDocument }> {
  const where = number === undefined ? eq(reportFinals.reportId, reportId) : and(eq(reportFinals.reportId, reportId), eq(reportFinals.number, number));
  const [row] = await db.select().from(reportFinals).where(where).orderBy(desc(reportFinals.number)).limit(1);
  if (!row) throw notFound(number === undefined ? "定稿" : `第${number}版定稿`);
  return { number: row.number, document: row.document as AssembledDocument };
}
