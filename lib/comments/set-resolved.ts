/**
 * Resolves (已解决) or reopens a comment thread. The flag lives on the thread's first comment;
 * acting on a reply acts on its thread. Resolved threads are not highlighted in the editor and
 * are folded on the sidebar and the review page.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { comments } from "@/db/schema";
import { forbidden, notFound, refused } from "@/lib/errors";
import { canResolveComment, canSection, type Principal } from "@/lib/policy";
import { getSection } from "@/lib/review/get-section";
import { isReportOpen } from "@/lib/workflow";
import { getComment } from "./list-threads";
import type { CommentView } from "./types";

export interface SetResolvedInput {
  commentId: string;
  /** true: resolve; false: reopen. */
  resolved: boolean;
  actor: Principal;
}

/**
 * Who may: the thread's author, the section's editors, its reviewers / approvers, admins
 * (`canResolveComment`). Resolving a resolved thread (or reopening an open one) changes nothing
 * and is not an error.
 * @returns the thread's first comment as it is now.
 * @throws AppError not_found (no such comment, or the section is not readable by the actor:
 *   a comment's existence is not revealed), forbidden, refused (report finalized).
 */
export async function setCommentResolved(db: Db, input: SetResolvedInput): Promise<CommentView> {
  const threadId = await db.transaction(async (tx) => {
    const [c] = await tx.select().from(comments).where(eq(comments.id, input.commentId));
    if (!c) throw notFound("批注");
    const [root] = c.parentId ? await tx.select().from(comments).where(eq(comments.id, c.parentId)) : [c];
    const thread = root ?? c;
    const { report, facts } = await getSection(tx, thread.sectionId);
    if (!canSection(input.actor, "read", facts)) throw notFound("批注");
    if (!canResolveComment(input.actor, facts, thread.authorId)) throw forbidden("您不能处理该批注");
    if (!isReportOpen(report.status)) throw refused("总结已定稿，批注不能再变更");
    if (thread.resolved !== input.resolved) {
      await tx
        .update(comments)
        .set(input.resolved
          ? { resolved: true, resolvedAt: new Date(), resolvedById: input.actor.id }
          : { resolved: false, resolvedAt: null, resolvedById: null })
        .where(eq(comments.id, thread.id));
    }
    return thread.id;
  });
  const view = await getComment(db, threadId);
  if (!view) throw notFound("批注");
  return view;
}
