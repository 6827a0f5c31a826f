/**
 * Reviewer comments on a section, optionally anchored to a quoted piece of the submitted text
 * (`anchorText`), and tied to the version they were written on.
 */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import type { Db, DbOrTx } from "@/db/client";
import { comments, sections, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertSection, type Principal } from "@/lib/policy";
import { latestVersion } from "@/lib/review/versions";

export const addCommentSchema = z.object({
  sectionId: z.string().min(1),
  body: cleanTextSchema().trim().min(1, "请填写批注内容").max(2000, "批注不能超过 2000 字"),
  anchorText: cleanTextSchema().trim().max(500, "引用的原文过长，请选短一些").default(""),
});
export type AddCommentInput = z.input<typeof addCommentSchema>;

export interface CommentView {
  id: string;
  body: string;
  anchorText: string;
  versionId: string | null;
  resolved: boolean;
  authorName: string;
  authorRole: string;
  createdAt: Date;
}

/**
 * Adds a comment, attached to the latest submitted version (if any). Whoever may read a
 * section may comment on it (lib/policy.ts).
 * @throws ZodError (422) on empty/overlong input; AppError not_found, forbidden.
 */
export async function addComment(db: Db, input: AddCommentInput, actor: Principal): Promise<CommentView> {
  const data = addCommentSchema.parse(input);
  const [section] = await db.select().from(sections).where(eq(sections.id, data.sectionId));
  if (!section) throw notFound("章节");
  assertSection(actor, "comment", section, "您不能对该章节批注");
  const version = await latestVersion(db, section.id, "submitted");
  const [row] = await db
    .insert(comments)
    .values({ sectionId: section.id, authorId: actor.id, body: data.body, anchorText: data.anchorText, versionId: version?.id ?? null })
    .returning();
  await db.update(sections).set({ lastActivityAt: new Date() }).where(eq(sections.id, section.id));
  const [author] = await db.select().from(users).where(eq(users.id, actor.id));
  return { ...row, authorName: author?.displayName ?? "", authorRole: author?.role ?? actor.role };
}

/** Comments of a section, oldest first, with their authors. */
export async function listComments(db: DbOrTx, sectionId: string): Promise<CommentView[]> {
  const rows = await db
    .select({ c: comments, authorName: users.displayName, authorRole: users.role })
    .from(comments)
    .innerJoin(users, eq(comments.authorId, users.id))
    .where(eq(comments.sectionId, sectionId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map((r) => ({
    id: r.c.id, body: r.c.body, anchorText: r.c.anchorText, versionId: r.c.versionId, resolved: r.c.resolved,
    authorName: r.authorName, authorRole: r.authorRole, createdAt: r.c.createdAt,
  }));
}
