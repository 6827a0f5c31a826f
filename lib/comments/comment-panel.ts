/**
 * What a page shows of a section's comments to one account: the threads with whether the
 * account may resolve / reopen each (lib/policy.ts `canResolveComment`), whether it may
 * comment, and the accounts it may @mention (those who may read the section).
 */
import type { DbOrTx } from "@/db/client";
import { canResolveComment, canSection, type Principal } from "@/lib/policy";
import { getSection } from "@/lib/review/get-section";
import { isReportOpen } from "@/lib/workflow";
import { listThreads } from "./list-threads";
import { mentionCandidates, type MentionCandidate } from "./mentions";
import type { ThreadView } from "./types";

export interface CommentPanel {
  threads: (ThreadView & { canResolve: boolean })[];
  canComment: boolean;
  candidates: MentionCandidate[];
}

/**
 * @returns nothing to show (no threads, no rights) when the account may not read the section.
 * @throws AppError not_found (no such section).
 */
export async function commentPanel(db: DbOrTx, sectionId: string, user: Principal): Promise<CommentPanel> {
  const { report, review, facts } = await getSection(db, sectionId);
  if (!canSection(user, "read", facts)) return { threads: [], canComment: false, candidates: [] };
  const open = isReportOpen(report.status);
  const threads = await listThreads(db, sectionId);
  return {
    threads: threads.map((t) => ({ ...t, canResolve: open && canResolveComment(user, facts, t.authorId) })),
    canComment: open && canSection(user, "comment", facts),
    candidates: mentionCandidates(review.accounts, facts).filter((c) => c.id !== user.id),
  };
}
