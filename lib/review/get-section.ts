/**
 * The one read of a section for the workflow: its row, its report's status and chain, and the
 * facts of its current review round. Commands call it inside their transaction (with `lock`),
 * pages and the API outside.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reports, sections, type Section } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { SectionFacts } from "@/lib/policy";
import type { Chain, ReportStatus, ReviewFacts } from "@/lib/workflow";
import { loadReviewFacts } from "./review-facts";

export interface SectionWithFacts {
  section: Section;
  report: { id: string; status: ReportStatus; chain: Chain; chainName: string; draftsVisibleToAll: boolean };
  review: ReviewFacts;
  /** What the policy takes (section facts with the review round). */
  facts: SectionFacts;
}

/**
 * Reads a section with its report and review facts. `lock` takes the row lock
 * (`SELECT … FOR UPDATE`) so concurrent transitions of one section run one after another.
 * @throws AppError not_found.
 */
export async function getSection(db: DbOrTx, sectionId: string, opts: { lock?: boolean } = {}): Promise<SectionWithFacts> {
  const q = db.select().from(sections).where(eq(sections.id, sectionId));
  const [section] = opts.lock ? await q.for("update") : await q;
  if (!section) throw notFound("章节");
  const [report] = await db
    .select({ id: reports.id, status: reports.status, chain: reports.reviewChain, chainName: reports.reviewChainName, draftsVisibleToAll: reports.draftsVisibleToAll })
    .from(reports).where(eq(reports.id, section.reportId));
  if (!report) throw notFound("总结");
  const review = await loadReviewFacts(db, section, report.chain);
  return { section, report, review, facts: { departmentId: section.departmentId, state: section.state, review, draftsVisibleToAll: report.draftsVisibleToAll } };
}
