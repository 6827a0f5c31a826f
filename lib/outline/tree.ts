/**
 * Shared helpers of the outline commands: load a report's outline rows inside a transaction,
 * walk subtrees, and renormalise sibling positions to 0..n-1 after a change.
 *
 * Invariant kept by every command: a root section has level 1 and a child's level is its
 * parent's level + 1 (so levels stay within 1..4 and numbering reads like the paper).
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sections, type Section } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { assertReportOpen } from "@/lib/assembly/report-open";
import { assertReport, type Principal } from "@/lib/policy";

export const MAX_LEVEL = 4;

/** Every outline row of a report (kind "body", any order; the opening is not in the outline). */
export function loadSections(db: DbOrTx, reportId: string): Promise<Section[]> {
  return db.select().from(sections).where(and(eq(sections.reportId, reportId), eq(sections.kind, "body")));
}

/**
 * The section and all rows of its report, after checking the actor may administer the report
 * and the report is not finalized. The opening section is not in the outline: only commands
 * that pass `allowOpening` (assignment) may change it.
 * @throws AppError forbidden, not_found, refused (finalized; the opening without `allowOpening`).
 */
export async function loadForChange(db: DbOrTx, actor: Principal, sectionId: string, allowOpening = false): Promise<{ section: Section; rows: Section[] }> {
  assertReport(actor, "administer");
  const [section] = await db.select().from(sections).where(eq(sections.id, sectionId));
  if (!section) throw notFound("章节");
  if (section.kind === "opening" && !allowOpening) throw refused("开头部分不在提纲中，不能移动、改名或删除");
  await assertReportOpen(db, section.reportId);
  return { section, rows: await loadSections(db, section.reportId) };
}

/** Children of `parentId` among `rows`, by position. */
export function childrenOf(rows: readonly Section[], parentId: string | null): Section[] {
  return rows.filter((r) => (r.parentId ?? null) === parentId).sort((a, b) => a.position - b.position);
}

/** The ids of a section's descendants (not including itself). */
export function descendantIds(rows: readonly Section[], id: string): string[] {
  const out: string[] = [];
  const visit = (parent: string) => {
    for (const child of rows.filter((r) => r.parentId === parent)) {
      out.push(child.id);
      visit(child.id);
    }
  };
  visit(id);
  return out;
}

/** The depth of a subtree below `id` (0 for a leaf). */
export function subtreeDepth(rows: readonly Section[], id: string): number {
  const kids = rows.filter((r) => r.parentId === id);
  return kids.length ? 1 + Math.max(...kids.map((k) => subtreeDepth(rows, k.id))) : 0;
}

/**
 * Writes positions 0..n-1 to `orderedIds` (children of one parent in their new order) and the
 * given parent id to each. Only rows whose position or parent changed are written.
 */
export async function writeOrder(db: DbOrTx, rows: readonly Section[], parentId: string | null, orderedIds: string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    const row = rows.find((r) => r.id === id);
    if (row && row.position === position && (row.parentId ?? null) === parentId) continue;
    await db.update(sections).set({ position, parentId }).where(eq(sections.id, id));
  }
}

/** Shifts the level of a set of sections by `delta`, refusing to leave 1..MAX_LEVEL. */
export async function shiftLevels(db: DbOrTx, rows: readonly Section[], ids: string[], delta: number): Promise<void> {
  if (ids.length === 0 || delta === 0) return;
  const affected = rows.filter((r) => ids.includes(r.id));
  if (affected.some((r) => r.level + delta < 1 || r.level + delta > MAX_LEVEL)) {
    throw refused(`标题层级只能是 1 到 ${MAX_LEVEL} 级`);
  }
  for (const row of affected) {
    await db.update(sections).set({ level: row.level + delta }).where(eq(sections.id, row.id));
  }
}
