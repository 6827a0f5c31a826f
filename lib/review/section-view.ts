/**
 * One section as the API and the section pages show it: its row, computed number, department
 * and the count of unresolved placeholders in its current text.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sections } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { countPlaceholders } from "@/lib/placeholders/find";
import { getReportWithOutline, type OutlineSection } from "@/lib/reports/get-report";
import { readSectionContent } from "./section-doc";

export interface SectionView extends OutlineSection {
  reportTitle: string;
  /** Unresolved placeholders in the current text (0 when it cannot be read). */
  placeholders: number;
  /** false when the stored text cannot be read (lib/collab/render-section.ts): restore it. */
  readable: boolean;
}

/**
 * The section with its number and report title.
 * @throws AppError not_found.
 */
export async function getSectionView(db: DbOrTx, sectionId: string): Promise<SectionView> {
  const [row] = await db.select({ reportId: sections.reportId }).from(sections).where(eq(sections.id, sectionId));
  if (!row) throw notFound("章节");
  const { report, sections: outline } = await getReportWithOutline(db, row.reportId);
  const section = outline.find((s) => s.id === sectionId);
  if (!section) throw notFound("章节");
  const content = await readSectionContent(db, sectionId);
  const placeholders = content.ok ? countPlaceholders(content.text, section.intendedPlaceholders) : 0;
  return { ...section, reportTitle: report.title, placeholders, readable: content.ok };
}

/** The public JSON shape of `GET /api/sections/<id>` (design.md "Interfaces"). */
export function sectionJson(s: SectionView) {
  return {
    id: s.id, reportId: s.reportId, title: s.title, number: s.number, level: s.level,
    departmentId: s.departmentId, state: s.state, version: s.version, placeholders: s.placeholders,
  };
}
