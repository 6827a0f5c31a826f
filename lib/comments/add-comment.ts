/**
 * Adds a comment to a section: a new thread (optionally quoting the text, anchored in the live
 * document with Yjs relative positions) or a reply to a thread. @mentions in the body are
 * resolved to accounts who may read the section and stored; the notifications are written in
 * the same transaction (lib/comments/notify-comment.ts).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { comments, sections } from "@/db/schema";
import { notFound, refused, validation } from "@/lib/errors";
import { assertSection, type Principal } from "@/lib/policy";
import { getSection } from "@/lib/review/get-section";
import { latestVersion } from "@/lib/review/versions";
import { isReportOpen } from "@/lib/workflow";
import type { AnchorJson } from "./anchor";
import { anchorInSection } from "./anchor-in-section";
import { getComment } from "./list-threads";
import { mentionCandidates, parseMentions } from "./mentions";
import { notifyComment } from "./notify-comment";
import { notifyingTransaction } from "@/lib/notify/commit";
import { addCommentSchema, type AddCommentInput, type CommentView } from "./types";

/**
 * Whoever may read a section may comment on it (lib/policy.ts: editors of its department,
 * reviewers, approvers, admins). A reply to a reply joins the thread of its first comment.
 * Without an `anchor`, a quote (`anchorText`) is looked up in the live text on the server.
 * @throws ZodError (422) on empty / overlong input or a malformed anchor; AppError not_found
 *   (section, or the thread replied to), forbidden, validation (thread of another section),
 *   refused (report finalized).
 */
export async function addComment(db: Db, input: AddCommentInput, actor: Principal): Promise<CommentView> {
  const data = addCommentSchema.parse(input);
  const reply = !!data.parentId;
  const quote = reply ? "" : data.anchorText;
  const anchor: AnchorJson | null = reply || !quote ? null
    : (data.anchor as AnchorJson | null | undefined) ?? (await anchorInSection(db, data.sectionId, quote));

  const id = await notifyingTransaction(db, async (tx) => {
    const { section, report, review, facts } = await getSection(tx, data.sectionId);
    assertSection(actor, "comment", facts, "您不能对该章节批注");
    if (!isReportOpen(report.status)) throw refused("总结已定稿，不能再批注");
    let threadId: string | null = null;
    let participants: string[] = [];
    if (data.parentId) {
      const [parent] = await tx.select().from(comments).where(eq(comments.id, data.parentId));
      if (!parent) throw notFound("所回复的批注");
      if (parent.sectionId !== section.id) throw validation("所回复的批注不属于该章节", "parentId");
      threadId = parent.parentId ?? parent.id;
      const thread = await tx.select({ authorId: comments.authorId, parentId: comments.parentId, id: comments.id }).from(comments).where(eq(comments.sectionId, section.id));
      participants = thread.filter((c) => c.id === threadId || c.parentId === threadId).map((c) => c.authorId);
    }
    const mentions = parseMentions(data.body, mentionCandidates(review.accounts, facts));
    const version = await latestVersion(tx, section.id, "submitted");
    const [row] = await tx
      .insert(comments)
      .values({
        sectionId: section.id, authorId: actor.id, body: data.body, anchorText: quote, versionId: version?.id ?? null,
        parentId: threadId, anchorStart: anchor?.start ?? null, anchorEnd: anchor?.end ?? null, mentions,
      })
      .returning({ id: comments.id });
    await tx.update(sections).set({ lastActivityAt: new Date() }).where(eq(sections.id, section.id));
    const actorName = review.accounts.find((a) => a.id === actor.id)?.name ?? "";
    await notifyComment(tx, {
      reportId: report.id, sectionId: section.id, sectionTitle: section.title, commentId: row.id, threadId: threadId ?? row.id,
      body: data.body, actorId: actor.id, actorName, participants, mentions,
    });
    return row.id;
  });
  const created = await getComment(db, id);
  if (!created) throw notFound("批注");
  return created;
}
