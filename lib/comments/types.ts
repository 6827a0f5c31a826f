/**
 * Comment threads: the input schemas (zod) of the comment commands and the views pages and the
 * API show. A thread is its first comment (`parentId` null: it carries the quote, its anchor
 * and the resolved flag) and its replies (`parentId` = the first comment's id; one level).
 */
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";

const ANCHOR_MESSAGE = "引用位置无效，请重新选中文字后再批注";
const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/** JSON of a Y.RelativePosition (Y.relativePositionToJSON), as a browser sends it. */
export const relativePositionSchema = z.strictObject({
  type: yId.nullish(),
  tname: z.string().max(100).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().min(-1).max(1).optional(),
}, { error: ANCHOR_MESSAGE });

export const addCommentSchema = z.object({
  sectionId: z.string().min(1),
  body: cleanTextSchema().trim().min(1, "请填写批注内容").max(2000, "批注不能超过 2000 字"),
  /** The quoted text ("" for a comment on the whole section; ignored on replies). */
  anchorText: cleanTextSchema().trim().max(500, "引用的原文过长，请选短一些").default(""),
  /** Reply to this thread (its first comment, or any of its replies). */
  parentId: z.string().min(1).max(64).nullish(),
  /** Where the quote is in the live text (from the editor's selection); else found on the server. */
  anchor: z.object({ start: relativePositionSchema, end: relativePositionSchema }, { error: ANCHOR_MESSAGE }).nullish(),
});
export type AddCommentInput = z.input<typeof addCommentSchema>;

/** One comment as pages and the API show it. */
export interface CommentView {
  id: string;
  sectionId: string;
  /** The thread's first comment (null: this one starts a thread). */
  parentId: string | null;
  body: string;
  anchorText: string;
  /** Yjs relative positions of the quote in the live text (null: not anchored). */
  anchor: { start: unknown; end: unknown } | null;
  /** The latest submitted version when it was written (which review round it belongs to). */
  versionId: string | null;
  resolved: boolean;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  authorId: string;
  authorName: string;
  authorRole: string;
  /** Ids of the accounts @mentioned. */
  mentions: string[];
  createdAt: Date;
}

/** A thread: its first comment and the replies, oldest first. */
export interface ThreadView extends CommentView {
  replies: CommentView[];
}

/** The anchor of an open thread, as the editor's highlight needs it. */
export interface OpenAnchor {
  id: string;
  start: unknown;
  end: unknown;
}

/** The JSON the API answers for a comment (dates as ISO strings). */
export function commentJson(c: CommentView) {
  return {
    id: c.id, sectionId: c.sectionId, parentId: c.parentId, body: c.body, anchorText: c.anchorText,
    anchored: c.anchor !== null, versionId: c.versionId, resolved: c.resolved,
    resolvedAt: c.resolvedAt?.toISOString() ?? null, resolvedBy: c.resolvedByName,
    author: { id: c.authorId, name: c.authorName, role: c.authorRole }, mentions: c.mentions,
    createdAt: c.createdAt.toISOString(),
  };
}
