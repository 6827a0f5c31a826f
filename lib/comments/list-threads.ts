/**
 * Reading comments: one comment, every comment of a section (flat, oldest first), the section's
 * threads (first comment + replies), and the anchors of its open threads for the editor.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { comments, users, type Comment } from "@/db/schema";
import type { CommentView, OpenAnchor, ThreadView } from "./types";

const resolver = alias(users, "resolver");

function view(c: Comment, author: { name: string; role: string }, resolvedByName: string | null): CommentView {
  return {
    id: c.id, sectionId: c.sectionId, parentId: c.parentId, body: c.body, anchorText: c.anchorText,
    anchor: c.anchorStart != null && c.anchorEnd != null ? { start: c.anchorStart, end: c.anchorEnd } : null,
    versionId: c.versionId, resolved: c.resolved, resolvedAt: c.resolvedAt, resolvedByName,
    authorId: c.authorId, authorName: author.name, authorRole: author.role, mentions: c.mentions ?? [], createdAt: c.createdAt,
  };
}

async function select(db: DbOrTx, where: ReturnType<typeof eq>): Promise<CommentView[]> {
  const rows = await db
    .select({ c: comments, authorName: users.displayName, authorRole: users.role, resolvedByName: resolver.displayName })
    .from(comments)
    .innerJoin(users, eq(comments.authorId, users.id))
    .leftJoin(resolver, eq(comments.resolvedById, resolver.id))
    .where(where)
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map((r) => view(r.c, { name: r.authorName, role: r.authorRole }, r.resolvedByName));
}

/** One comment with its author, or null. */
export async function getComment(db: DbOrTx, id: string): Promise<CommentView | null> {
  return (await select(db, eq(comments.id, id)))[0] ?? null;
}

/** Every comment of a section, oldest first, with their authors. */
export async function listComments(db: DbOrTx, sectionId: string): Promise<CommentView[]> {
  return select(db, eq(comments.sectionId, sectionId));
}

/**
 * The section's threads, oldest first, each with its replies oldest first. A reply whose
 * thread is gone (never happens through the commands) is shown as a thread of its own.
 */
export async function listThreads(db: DbOrTx, sectionId: string): Promise<ThreadView[]> {
  const all = await listComments(db, sectionId);
  const roots = new Map<string, ThreadView>();
  for (const c of all) if (!c.parentId) roots.set(c.id, { ...c, replies: [] });
  for (const c of all) {
    if (!c.parentId) continue;
    const root = roots.get(c.parentId);
    if (root) root.replies.push(c);
    else roots.set(c.id, { ...c, replies: [] });
  }
  return [...roots.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Anchors of the section's open (unresolved) threads that have one: what the editor highlights. */
export async function openAnchors(db: DbOrTx, sectionId: string): Promise<OpenAnchor[]> {
  const rows = await db
    .select({ id: comments.id, start: comments.anchorStart, end: comments.anchorEnd })
    .from(comments)
    .where(and(eq(comments.sectionId, sectionId), isNull(comments.parentId), eq(comments.resolved, false)))
    .orderBy(asc(comments.createdAt));
  return rows.filter((r) => r.start != null && r.end != null);
}
