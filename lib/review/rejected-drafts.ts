/**
 * Rejected drafts (`rejected_drafts`): edits the collaboration server refused to merge into a
 * section — typed while it was locked for review or approval, or from a stale offline copy —
 * kept aside with the plain text the author had, so its editors can read and copy it. They are
 * never applied to the section.
 */
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rejectedDrafts, sections, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertSection, type Principal } from "@/lib/policy";

/** Why a draft was set aside (stored in `reason`). */
export const DRAFT_REASONS = { 4403: "locked", 4413: "too_large", 4422: "invalid" } as const;

/** Chinese label of a stored `reason`. */
export function draftReasonLabel(reason: string): string {
  switch (reason) {
    case "locked":
      return "章节已锁定（审核中或已通过），修改未被接受";
    case "too_large":
      return "修改内容过大，未被接受";
    case "invalid":
      return "修改内容格式无效，未被接受";
    default:
      return reason;
  }
}

export interface DraftRow {
  sectionId: string;
  userId: string | null;
  /** One of DRAFT_REASONS' values. */
  reason: string;
  text: string;
  /** The refused Yjs update (merged), or null when it was too large to keep. */
  update: Uint8Array | null;
}

/** Inserts a rejected draft; returns its id. @throws database errors (e.g. the section was deleted). */
export async function insertRejectedDraft(db: DbOrTx, row: DraftRow): Promise<string> {
  const [r] = await db.insert(rejectedDrafts).values(row).returning({ id: rejectedDrafts.id });
  return r.id;
}

/** Replaces the text and update of draft `id` (more refused edits of the same connection). */
export async function updateRejectedDraft(db: DbOrTx, id: string, patch: Pick<DraftRow, "text" | "update">): Promise<void> {
  await db.update(rejectedDrafts).set(patch).where(eq(rejectedDrafts.id, id));
}

export interface RejectedDraftView {
  id: string;
  /** Display name of the author ("" when the account was deleted). */
  authorName: string;
  reason: string;
  /** Chinese explanation of `reason`. */
  reasonLabel: string;
  text: string;
  createdAt: Date;
}

/**
 * The rejected drafts of a section, newest first, for whoever may read the section (its
 * department's editors, reviewers, admins — lib/policy.ts `canSection(…, "read")`).
 * @throws AppError not_found (no such section), forbidden.
 */
export async function listRejectedDrafts(db: DbOrTx, sectionId: string, actor: Principal, limit = 20): Promise<RejectedDraftView[]> {
  const [section] = await db
    .select({ departmentId: sections.departmentId, state: sections.state })
    .from(sections)
    .where(eq(sections.id, sectionId));
  if (!section) throw notFound("章节");
  assertSection(actor, "read", section, "您不能查看该章节");
  const rows = await db
    .select({ d: rejectedDrafts, authorName: users.displayName })
    .from(rejectedDrafts)
    .leftJoin(users, eq(rejectedDrafts.userId, users.id))
    .where(eq(rejectedDrafts.sectionId, sectionId))
    .orderBy(desc(rejectedDrafts.createdAt), desc(rejectedDrafts.id))
    .limit(limit);
  return rows.map(({ d, authorName }) => ({
    id: d.id, authorName: authorName ?? "", reason: d.reason, reasonLabel: draftReasonLabel(d.reason), text: d.text, createdAt: d.createdAt,
  }));
}
