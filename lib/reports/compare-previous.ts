/**
 * 与上期对比 for the whole document (the preview's toggle): every written section of a report,
 * in outline order with its number, its text now (the approved version of an approved section
 * — every section of a finalized report —, else the live text) against last period's text of
 * the same section (lib/reports/previous-section.ts).
 */
import type { DbOrTx } from "@/db/client";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToText } from "@/lib/collab/content";
import { currentContent, latestApprovedContent } from "@/lib/assembly/load-content";
import { diffAgainstPrevious, type PreviousDiff } from "@/lib/review/previous-diff";
import { isDone } from "@/lib/workflow/vocabulary";
import { getReportWithOutline } from "./get-report";
import { previousTextOf } from "./previous-section";

export interface SectionComparison {
  id: string;
  number: string;
  title: string;
  level: number;
  /** null: a grouping heading (no text) or a section without a last period. */
  comparison: PreviousDiff | null;
  /** The text now (for sections without a last period: shown as is). */
  text: string;
}

/**
 * The comparison of every section of `reportId`, and whether any section has a last period.
 * No policy check: callers authorise the preview.
 * @throws AppError not_found (report).
 */
export async function compareWithPrevious(db: DbOrTx, reportId: string): Promise<{ sections: SectionComparison[]; any: boolean }> {
  const { sections } = await getReportWithOutline(db, reportId);
  const written = sections.filter((s) => !s.headingOnly);
  const approved = await latestApprovedContent(db, written.filter((s) => isDone(s.state)).map((s) => s.id));
  const live = await currentContent(db, written.filter((s) => !approved.has(s.id)).map((s) => s.id));
  const out: SectionComparison[] = [];
  for (const s of sections) {
    const row = { id: s.id, number: s.number, title: s.title, level: s.level };
    if (s.headingOnly) { out.push({ ...row, comparison: null, text: "" }); continue; }
    const json = approved.get(s.id);
    const rendered = live.get(s.id);
    const text = json !== undefined ? prosemirrorJSONToText(json as JSONContent) : rendered?.ok ? rendered.text : "";
    const previous = await previousTextOf(db, s);
    out.push({ ...row, text, comparison: previous ? diffAgainstPrevious(previous, text) : null });
  }
  return { sections: out, any: out.some((s) => s.comparison) };
}
