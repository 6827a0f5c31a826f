/**
 * A report's printed parts as they would print now: title, 主送, the opening's text, each
 * section's heading and body, 附件 and 落款. A section's text is its latest approved version
 * when it is approved, else its live text (what a draft prints; at finalize every section is
 * approved, so it is exactly what the final prints). Also the blanks that remain in them.
 */
import type { DbOrTx } from "@/db/client";
import type { Report } from "@/db/schema";
import { currentContent, latestApprovedText } from "@/lib/assembly/load-content";
import type { PrintedParts } from "@/lib/placeholders/parts";
import { isDone } from "@/lib/workflow/vocabulary";
import { getReportWithOutline, type OutlineSection } from "./get-report";
import { unresolvedPartPlaceholders, type KeyedPartPlaceholder } from "./parts-placeholders";

/** The 落款 as printed: unit (stored, else the organisation), date (stored ISO, else null = the finalize date). */
export interface SignOff {
  unit: string;
  date: string | null;
}

export interface ReportParts {
  report: Report;
  sections: OutlineSection[];
  opening: OutlineSection | null;
  parts: PrintedParts;
  signOff: SignOff;
  /** Unresolved blanks of every part, in print order. */
  placeholders: KeyedPartPlaceholder[];
}

/** The effective 落款 of a report row. */
export function signOffOf(report: Pick<Report, "signOffUnit" | "signOffDate" | "organisationName">): SignOff {
  return { unit: report.signOffUnit?.trim() || report.organisationName, date: report.signOffDate ?? null };
}

/**
 * Loads the printed parts and their unresolved blanks.
 * @throws AppError not_found (report).
 */
export async function loadReportParts(db: DbOrTx, reportId: string): Promise<ReportParts> {
  const { report, sections, opening } = await getReportWithOutline(db, reportId);
  const written = [...sections.filter((s) => !s.headingOnly), ...(opening ? [opening] : [])];
  const approved = await latestApprovedText(db, written.filter((s) => isDone(s.state)).map((s) => s.id));
  const live = await currentContent(db, written.filter((s) => !approved.has(s.id)).map((s) => s.id));
  const textOf = (s: OutlineSection) => {
    const a = approved.get(s.id);
    if (a !== undefined) return a;
    const l = live.get(s.id);
    return l?.ok ? l.text : "";
  };
  const signOff = signOffOf(report);
  const parts: PrintedParts = {
    title: report.title,
    addressee: report.addressee,
    opening: opening ? textOf(opening) : report.preamble,
    sections: sections.map((s) => ({ id: s.id, title: s.title, body: s.headingOnly ? "" : textOf(s) })),
    attachments: report.attachments,
    signOff: { unit: signOff.unit, date: signOff.date ?? "" },
  };
  const placeholders = unresolvedPartPlaceholders(parts, {
    report: report.intendedPlaceholders,
    sections: new Map(sections.map((s) => [s.id, s.intendedPlaceholders])),
    opening: opening?.intendedPlaceholders ?? [],
  });
  return { report, sections, opening, parts, signOff, placeholders };
}
