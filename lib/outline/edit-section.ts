/**
 * Outline edits that touch one section's own fields: rename, assign a department, set a due
 * date and a 字数要求 (word limit).
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { departments, sections } from "@/db/schema";
import { publishAccessChange } from "@/lib/collab/bus";
import { validation } from "@/lib/errors";
import type { Principal } from "@/lib/policy";
import { sectionTitleSchema } from "./add-section";
import { loadForChange } from "./tree";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
/** 字数要求: a whole number of 字 from 1 to 100 000 (a summary section is rarely over 5 000). */
export const WORD_LIMIT_MAX = 100_000;

/**
 * Renames a section (title without its number: numbers are computed).
 * @throws AppError forbidden, not_found, refused (finalized); ZodError for an empty title.
 */
export async function renameSection(db: Db, input: { sectionId: string; actor: Principal; title: string }): Promise<void> {
  const title = sectionTitleSchema.parse(input.title.replace(/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|（\d+）)\s*/, ""));
  await db.transaction(async (tx) => {
    await loadForChange(tx, input.actor, input.sectionId);
    await tx.update(sections).set({ title }).where(eq(sections.id, input.sectionId));
  });
}

/**
 * Assigns a section to a department (null: unassigned; with children it becomes a grouping
 * heading) and/or sets its due date (null clears it) and/or its 字数要求 `wordLimit` (字, counted
 * by lib/text/word-count; null clears it). Fields left undefined are unchanged.
 * After a reassignment commits, the collaboration server re-decides the section's open
 * connections (the old department loses the section, the new one gains write) within 1 s.
 * @throws AppError forbidden, not_found, refused (finalized), validation (unknown department, bad
 *   date, word limit not a whole number in 1..100 000).
 */
export async function assignSection(
  db: Db,
  input: { sectionId: string; actor: Principal; departmentId?: string | null; dueDate?: string | null; wordLimit?: number | null },
): Promise<void> {
  if (input.wordLimit != null && (!Number.isInteger(input.wordLimit) || input.wordLimit < 1 || input.wordLimit > WORD_LIMIT_MAX)) {
    throw validation(`字数要求应为 1 到 ${WORD_LIMIT_MAX} 之间的整数`, "wordLimit");
  }
  if (input.dueDate) {
    const parsed = isoDate.safeParse(input.dueDate);
    if (!parsed.success) throw validation("日期格式应为 YYYY-MM-DD", "dueDate");
  }
  await db.transaction(async (tx) => {
    await loadForChange(tx, input.actor, input.sectionId, true);
    if (input.departmentId) {
      const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
      if (!dept) throw validation("部门不存在", "departmentId");
    }
    const set: Partial<typeof sections.$inferInsert> = {};
    if (input.departmentId !== undefined) set.departmentId = input.departmentId;
    if (input.dueDate !== undefined) set.dueDate = input.dueDate;
    if (input.wordLimit !== undefined) set.wordLimit = input.wordLimit;
    if (Object.keys(set).length) await tx.update(sections).set(set).where(eq(sections.id, input.sectionId));
  });
  if (input.departmentId !== undefined) publishAccessChange({ sectionIds: [input.sectionId] });
}
