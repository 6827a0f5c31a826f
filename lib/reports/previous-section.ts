/**
 * Last period's text of a section (`GET /api/sections/<id>/previous`, the section page's
 * reference, 与上期对比 on the review and preview pages):
 * 1. a rolled-forward section (`previous_section_id`): its predecessor's approved version that
 *    went into the previous report's latest final (the newest approved version made no later
 *    than that final), with the final's number;
 * 2. otherwise (or when the predecessor has no such version) the text it was imported with —
 *    its own for a report created by import, else the predecessor's — with `finalNumber` null.
 * No policy check: callers authorise reading the section.
 */
import { and, desc, eq, lte } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { DbOrTx } from "@/db/client";
import { reportFinals, reports, sections, sectionVersions } from "@/db/schema";
import { isReportOpen } from "@/lib/workflow/vocabulary";

export interface PreviousText {
  text: string;
  contentJson: JSONContent;
  /** The report the text belongs to (the previous period's, or the section's own for an imported one). */
  reportId: string;
  /** 第N版 of the previous report's final, or null for imported text. */
  finalNumber: number | null;
}

type SectionLinks = { id: string; reportId: string; previousSectionId: string | null; importedText: string | null; importedJson: unknown };

const links = { id: sections.id, reportId: sections.reportId, previousSectionId: sections.previousSectionId, importedText: sections.importedText, importedJson: sections.importedJson };

function imported(s: SectionLinks): PreviousText | null {
  if (!s.importedText?.trim()) return null;
  return { text: s.importedText, contentJson: s.importedJson as JSONContent, reportId: s.reportId, finalNumber: null };
}

/**
 * The approved text of `prev` in the latest final of its report, or null. While the report is
 * finalized nothing can be approved after its final, so the newest approved version is the one;
 * once reopened, the newest approved version made no later than the final.
 */
async function finalText(db: DbOrTx, prev: SectionLinks): Promise<PreviousText | null> {
  const [final] = await db.select({ number: reportFinals.number, createdAt: reportFinals.createdAt, status: reports.status })
    .from(reportFinals).innerJoin(reports, eq(reports.id, reportFinals.reportId))
    .where(eq(reportFinals.reportId, prev.reportId)).orderBy(desc(reportFinals.number)).limit(1);
  if (!final) return null;
  const approved = and(eq(sectionVersions.sectionId, prev.id), eq(sectionVersions.kind, "approved"));
  const [version] = await db.select({ text: sectionVersions.text, contentJson: sectionVersions.contentJson }).from(sectionVersions)
    .where(isReportOpen(final.status) ? and(approved, lte(sectionVersions.createdAt, final.createdAt)) : approved)
    .orderBy(desc(sectionVersions.number)).limit(1);
  if (!version?.text.trim()) return null;
  return { text: version.text, contentJson: version.contentJson as JSONContent, reportId: prev.reportId, finalNumber: final.number };
}

/** Last period's text of a section given its row, or null when there is none. */
export async function previousTextOf(db: DbOrTx, section: SectionLinks): Promise<PreviousText | null> {
  if (section.previousSectionId) {
    const [prev] = await db.select(links).from(sections).where(eq(sections.id, section.previousSectionId));
    if (prev) {
      const fromFinal = await finalText(db, prev);
      if (fromFinal) return fromFinal;
    }
    return imported(section) ?? (prev ? imported(prev) : null);
  }
  return imported(section);
}

/** Last period's text of the section `sectionId`, or null (also for an unknown id). */
export async function previousText(db: DbOrTx, sectionId: string): Promise<PreviousText | null> {
  const [section] = await db.select(links).from(sections).where(eq(sections.id, sectionId));
  return section ? previousTextOf(db, section) : null;
}
