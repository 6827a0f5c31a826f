/**
 * The document a report exports right now: a finalized report (or an explicitly requested
 * final) exports its stored final; a report being collected exports a draft (征求意见稿).
 * Shared by the download route and the CLI.
 */
import { isReportOpen } from "@/lib/workflow/vocabulary";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reports } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { exportDocument, type ExportedFile } from "@/lib/export";
import type { AssembledDocument, ExportFormat, ExportOptions } from "@/lib/export/types";
import { assembleReport } from "./assemble-report";
import { getFinal } from "./finals";

export interface ReportExport extends ExportedFile {
  /** File name without folder: "<title>.docx" (or "<title>（征求意见稿）.docx"). */
  filename: string;
  final: number | null;
  draft: boolean;
}

/** The document to export: stored final `final`, else the latest final when finalized, else a draft. */
export async function documentForExport(db: DbOrTx, reportId: string, final?: number): Promise<{ document: AssembledDocument; final: number | null }> {
  const [report] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  if (!report) throw notFound("总结");
  if (final !== undefined || !isReportOpen(report.status)) {
    const found = await getFinal(db, reportId, final);
    return { document: found.document, final: found.number };
  }
  return { document: await assembleReport(db, reportId, { useApproved: false }), final: null };
}

/** Characters Windows, macOS and Linux refuse in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * Exports a report in `format` with ExportOptions (cleanDraft, boldLevel3, author = the
 * exporting account's display name). Returns bytes, content type, a safe file name and
 * whether it is a final (its number) or a draft.
 * @throws AppError not_found (report or final).
 */
export async function exportReport(db: DbOrTx, reportId: string, format: ExportFormat, final?: number, options: ExportOptions = {}): Promise<ReportExport> {
  const { document, final: number } = await documentForExport(db, reportId, final);
  const file = await exportDocument(document, format, options);
  const base = document.title.replace(/\s+/g, "").replace(UNSAFE, "_").slice(0, 120) || "工作总结";
  const suffix = number !== null ? `（第${number}版）` : "（征求意见稿）";
  return { ...file, filename: `${base}${suffix}.${file.extension}`, final: number, draft: number === null };
}
