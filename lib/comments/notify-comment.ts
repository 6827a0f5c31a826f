/**
 * The notifications of a new comment, written in the comment's transaction (lib/notify):
 * - a new thread → `comment_added` (recipients by the kind's rules: the other side);
 * - a reply → `comment_reply` to the thread's participants (authors of its comments);
 * - each @mention → `mention` to the account named.
 * The actor is never notified (notify drops them), and an account that is @mentioned in a
 * reply gets the mention, not a second notification for the reply.
 */
import type { Tx } from "@/db/client";
import { notify } from "@/lib/notify/notify";

export interface CommentNotice {
  reportId: string;
  sectionId: string;
  sectionTitle: string;
  /** The new comment and the thread it belongs to (its own id when it starts one). */
  commentId: string;
  threadId: string;
  body: string;
  actorId: string;
  actorName: string;
  /** Authors of the thread's earlier comments (replies only). */
  participants: string[];
  /** Accounts @mentioned in the body. */
  mentions: string[];
}

/** Writes the notifications of one new comment. */
export async function notifyComment(tx: Tx, n: CommentNotice): Promise<void> {
  const base = {
    reportId: n.reportId, sectionId: n.sectionId, commentId: n.commentId, actorId: n.actorId,
    body: n.body, link: `/sections/${n.sectionId}#comment-${n.threadId}`,
  };
  const reply = n.threadId !== n.commentId;
  if (!reply) {
    await notify(tx, { ...base, kind: "comment_added", title: `${n.actorName}批注了《${n.sectionTitle}》` });
  } else {
    const userIds = [...new Set(n.participants)].filter((id) => id !== n.actorId && !n.mentions.includes(id));
    if (userIds.length) await notify(tx, { ...base, kind: "comment_reply", userIds, title: `${n.actorName}回复了《${n.sectionTitle}》的批注` });
  }
  for (const id of n.mentions) {
    if (id === n.actorId) continue;
    await notify(tx, { ...base, kind: "mention", userIds: [id], title: `${n.actorName}在《${n.sectionTitle}》的批注中@了您` });
  }
}
