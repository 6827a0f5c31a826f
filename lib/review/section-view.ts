/**
 * One section as the API and the section pages show it: its row, computed number, department,
 * the count of unresolved placeholders in its current text, and its review round (so the
 * policy's answers are stage-aware wherever the view is passed as section facts).
 */
import type { DbOrTx } from "@/db/client";
import { notFound } from "@/lib/errors";
import { countPlaceholders } from "@/lib/placeholders/find";
import type { ReportFacts } from "@/lib/policy";
import { getReportWithOutline, type OutlineSection } from "@/lib/reports/get-report";
import type { ReviewFacts } from "@/lib/workflow";
import { getSection } from "./get-section";
import { readSectionContent } from "./section-doc";
import { stageJson } from "./stage-view";

export interface SectionView extends OutlineSection {
  reportTitle: string;
  /** Unresolved placeholders in the current text (0 when it cannot be read). */
  placeholders: number;
  /** false when the stored text cannot be read (lib/collab/render-section.ts): restore it. */
  readable: boolean;
  /** The current review round (chain, stage, approvals…). */
  review: ReviewFacts;
  report: ReportFacts & { chainName: string };
}

/**
 * The section with its number and report title.
 * @throws AppError not_found.
 */
export async function getSectionView(db: DbOrTx, sectionId: string): Promise<SectionView> {
  const row = await getSection(db, sectionId);
  const { report, sections: outline, opening } = await getReportWithOutline(db, row.section.reportId);
  const section = opening?.id === sectionId ? opening : outline.find((s) => s.id === sectionId);
  if (!section) throw notFound("章节");
  const content = await readSectionContent(db, sectionId);
  const placeholders = content.ok ? countPlaceholders(content.text, section.intendedPlaceholders) : 0;
  return {
    ...section, reportTitle: report.title, placeholders, readable: content.ok,
    review: row.review, report: { status: row.report.status, chainName: row.report.chainName, draftsVisibleToAll: row.report.draftsVisibleToAll },
  };
}

/** The public JSON shape of `GET /api/sections/<id>` (design.md "Interfaces"). */
export function sectionJson(s: SectionView) {
  return {
    id: s.id, reportId: s.reportId, title: s.title, number: s.number, level: s.level,
    departmentId: s.departmentId, state: s.state, version: s.version, placeholders: s.placeholders,
    stage: stageJson(s.state, s.departmentId, s.review),
  };
}
