/**
 * 待我审核: every section, across open reports, waiting at a stage where the account may
 * approve now (stage rules, delegations, separation of duties), oldest first
 * (`GET /api/review-inbox`, the inbox page, the header count).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reports, sections } from "@/db/schema";
import { computeNumbers } from "@/lib/outline/numbering";
import { canSection, type Principal } from "@/lib/policy";
import { APPROVING_EVENT, REPORT_STATUSES, isReportOpen, SECTION_STATES, STATE_META } from "@/lib/workflow";
import { loadManyReviewFacts } from "./review-facts";

export interface InboxItem {
  sectionId: string;
  reportId: string;
  reportTitle: string;
  title: string;
  number: string;
  /** Name of the stage waiting for the account. */
  stage: string;
  /** ISO time the section reached this stage. */
  since: string;
}

/** The account's inbox, oldest first. */
export async function reviewInbox(db: DbOrTx, user: Principal): Promise<InboxItem[]> {
  const staged = SECTION_STATES.filter((s) => STATE_META[s].staged);
  const open = REPORT_STATUSES.filter(isReportOpen);
  const waiting = await db
    .select({ s: sections, reportTitle: reports.title, chain: reports.reviewChain })
    .from(sections)
    .innerJoin(reports, eq(sections.reportId, reports.id))
    .where(and(inArray(sections.state, staged), inArray(reports.status, open)))
    .orderBy(asc(sections.stageSince));
  const items: InboxItem[] = [];
  const numbersByReport = new Map<string, Map<string, string>>();
  const facts = await loadManyReviewFacts(db, waiting.map((w) => ({ section: w.s, chain: w.chain })));
  for (const { s, reportTitle, chain } of waiting) {
    const review = facts.get(s.id)!;
    if (!canSection(user, APPROVING_EVENT, { departmentId: s.departmentId, state: s.state, review })) continue;
    if (!numbersByReport.has(s.reportId)) {
      numbersByReport.set(s.reportId, computeNumbers(await db.select().from(sections).where(and(eq(sections.reportId, s.reportId), eq(sections.kind, "body")))));
    }
    items.push({
      sectionId: s.id, reportId: s.reportId, reportTitle, title: s.title, number: numbersByReport.get(s.reportId)!.get(s.id) ?? "",
      stage: chain[s.stage - 1]?.name ?? "", since: s.stageSince.toISOString(),
    });
  }
  return items;
}

/** Number of sections waiting for the account (header badge). */
export async function reviewInboxCount(db: DbOrTx, user: Principal): Promise<number> {
  return (await reviewInbox(db, user)).length;
}
