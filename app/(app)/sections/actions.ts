"use server";

/**
 * Server actions of the review workflow (sidebar, review page). Each goes through
 * `formAction` (session + zod) and calls the same domain commands as the JSON API; the policy
 * is asked inside those commands.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { addComment } from "@/lib/comments/add-comment";
import { setCommentResolved } from "@/lib/comments/set-resolved";
import { restoreSection } from "@/lib/collab/restore-section";
import { listVersions } from "@/lib/review/history";
import { versionLabel } from "@/lib/review/version-label";
import { setPlaceholderIntended } from "@/lib/review/intended-placeholders";
import { EVENT_META, REVIEW_EVENTS, STATE_META } from "@/lib/workflow/vocabulary";
import { transitionSection } from "@/lib/review/transition-section";

const transitionFormSchema = z.object({
  sectionId: z.string().min(1),
  event: z.enum(REVIEW_EVENTS),
  version: z.coerce.number().int().positive(),
  comment: cleanTextSchema().max(2000, "意见不能超过 2000 字").optional(),
  /** Checkbox of request_changes: back to the previous stage. */
  returnToPrevious: z.literal("on").optional(),
  /** delegate: the username taking over. */
  to: z.string().max(40).optional(),
});

/** Fires a review event from a form; the command authorises itself. */
export const transitionAction = formAction(transitionFormSchema, async (input, user) => {
  const r = await transitionSection(await getDb(), { ...input, returnToPrevious: input.returnToPrevious === "on", to: input.to || null, actor: user });
  revalidatePath(`/sections/${input.sectionId}`, "layout");
  return { ok: true, data: { state: r.state, version: r.version }, message: `${EVENT_META[input.event].done}，当前状态：${STATE_META[r.state].label}` };
});

const commentFormSchema = z.object({
  sectionId: z.string().min(1),
  body: z.string(),
  anchorText: z.string().optional(),
  /** Reply to this thread. */
  parentId: z.string().optional(),
  /** JSON `{ start, end }` of Yjs relative positions (a quote selected in the live editor). */
  anchor: z.string().max(2000).optional(),
});

/** Parses the anchor field of the comment form (a malformed one is a validation error, 422). */
function anchorField(raw: string | undefined): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return "invalid";
  }
}

/** Adds a comment (a new thread, possibly quoting the text, or a reply) to a section. */
export const addCommentAction = formAction(commentFormSchema, async (input, user) => {
  const c = await addComment(await getDb(), { ...input, parentId: input.parentId || null, anchor: anchorField(input.anchor) as never }, user);
  revalidatePath(`/sections/${input.sectionId}`, "layout");
  return { ok: true, data: { id: c.id, parentId: c.parentId }, message: c.parentId ? "回复已发送" : "批注已添加" };
});

const resolveFormSchema = z.object({
  sectionId: z.string().min(1),
  commentId: z.string().min(1),
  resolved: z.enum(["true", "false"]),
});

/** Resolves (已解决) or reopens a comment thread; the command authorises. */
export const resolveCommentAction = formAction(resolveFormSchema, async (input, user) => {
  const resolved = input.resolved === "true";
  await setCommentResolved(await getDb(), { commentId: input.commentId, resolved, actor: user });
  revalidatePath(`/sections/${input.sectionId}`, "layout");
  return { ok: true, message: resolved ? "已标记为已解决" : "已重新打开" };
});

const intendedFormSchema = z.object({
  sectionId: z.string().min(1),
  key: z.string().min(1).max(200),
  intended: z.enum(["true", "false"]),
});

/** Marks a placeholder as intended (有意保留) or takes the mark back. */
export const markIntendedAction = formAction(intendedFormSchema, async (input, user) => {
  const r = await setPlaceholderIntended(await getDb(), { sectionId: input.sectionId, key: input.key, intended: input.intended === "true", actor: user });
  revalidatePath(`/sections/${input.sectionId}`, "layout");
  return { ok: true, data: r, message: input.intended === "true" ? "已标记为有意保留" : "已取消标记" };
});

const restoreFormSchema = z.object({ sectionId: z.string().min(1) });

/** Restores an unreadable section to its last readable state (admins; the command authorises). */
export const restoreSectionAction = formAction(restoreFormSchema, async (input, user) => {
  const db = await getDb();
  const r = await restoreSection(db, { sectionId: input.sectionId, actor: user });
  revalidatePath(`/sections/${input.sectionId}`, "layout");
  const from = r.source === "log" ? "最近一次可读的保存" : r.source === "version" ? versionLabel(await listVersions(db, input.sectionId), r.versionId) : "空白内容";
  return { ok: true, data: r, message: `已恢复到${from}` };
});
