/**
 * Reads a report with its outline in reading order, each section with its computed number
 * (lib/outline/numbering.ts) and department name.
 */
import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, reports, sections, type Report, type Section } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { computeNumbers, outlineOrder } from "@/lib/outline/numbering";

/** A section of an outline as pages and the API show it. */
export interface OutlineSection extends Section {
  number: string;
  departmentName: string | null;
  departmentColor: string | null;
  /** Has child sections. */
  hasChildren: boolean;
  /** A heading that only groups its children (has children, no department): not reviewed. */
  headingOnly: boolean;
  /** The report's 各部门可查看全文草稿 (a policy fact, lib/policy.ts). */
  draftsVisibleToAll?: boolean;
}

export interface ReportWithOutline {
  report: Report;
  /** The outline (kind "body"), in reading order with numbers. */
  sections: OutlineSection[];
  /** The report's opening section (kind "opening", number ""), null for a report made before it existed. */
  opening: OutlineSection | null;
}

/** True for the report's opening section (not part of the outline). */
export function isOpening(section: Pick<Section, "kind">): boolean {
  return section.kind === "opening";
}

/**
 * The report, its outline (body sections only: the opening is not numbered, moved or listed)
 * and its opening section.
 * @throws AppError not_found.
 */
export async function getReportWithOutline(db: DbOrTx, reportId: string): Promise<ReportWithOutline> {
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw notFound("总结");
  const rows = await db
    .select({ section: sections, departmentName: departments.name, departmentColor: departments.color })
    .from(sections)
    .leftJoin(departments, eq(sections.departmentId, departments.id))
    .where(eq(sections.reportId, reportId))
    .orderBy(asc(sections.position));
  const all = rows.map((r) => ({
    ...r.section, departmentName: r.departmentName, departmentColor: r.departmentColor, draftsVisibleToAll: report.draftsVisibleToAll,
  }));
  const openingRow = all.find(isOpening);
  const opening: OutlineSection | null = openingRow ? { ...openingRow, number: "", hasChildren: false, headingOnly: false } : null;
  return { report, sections: numberOutline(all.filter((s) => !isOpening(s))), opening };
}

/** Adds numbers and child flags to raw section rows and sorts them in reading order. */
export function numberOutline<T extends Section & { departmentName: string | null; departmentColor: string | null }>(
  rows: T[],
): (T & OutlineSection)[] {
  const numbers = computeNumbers(rows);
  const parents = new Set(rows.map((r) => r.parentId).filter(Boolean));
  return outlineOrder(rows).map((s) => ({
    ...s,
    number: numbers.get(s.id) ?? "",
    hasChildren: parents.has(s.id),
    headingOnly: parents.has(s.id) && !s.departmentId,
  }));
}

/** All reports, newest first. */
export function listReports(db: DbOrTx): Promise<Report[]> {
  return db.select().from(reports).orderBy(desc(reports.createdAt));
}
