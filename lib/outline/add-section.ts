/**
 * Add a section to a report's outline: at the end of a parent's children (or of the top
 * level), or right after a given sibling. Its Yjs document is created at once, server side.
 */
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import type { Db } from "@/db/client";
import { sections, sectionUpdates } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { textToYjsUpdate } from "@/lib/collab/content";
import { assertReportOpen } from "@/lib/assembly/report-open";
import { assertReport, type Principal } from "@/lib/policy";
import { childrenOf, loadSections, MAX_LEVEL, writeOrder } from "./tree";

/** A section title as typed: control characters (NUL…) refused with 422 (lib/text/hygiene.ts). */
export const sectionTitleSchema = cleanTextSchema({ singleLine: true }).trim().min(1, "章节标题不能为空").max(300, "章节标题过长（最多 300 字）");

export interface AddSectionInput {
  reportId: string;
  actor: Principal;
  title: string;
  /** Parent section (null/undefined: top level). Ignored when `afterId` is given. */
  parentId?: string | null;
  /** Insert right after this section, as its sibling. */
  afterId?: string;
  departmentId?: string | null;
}

/**
 * Adds a section; returns its id.
 * @throws AppError forbidden, not_found (report/parent/after), refused (finalized, deeper than 4
 *   levels); ZodError for an empty title.
 */
export async function addSection(db: Db, input: AddSectionInput): Promise<{ id: string }> {
  assertReport(input.actor, "administer");
  const title = sectionTitleSchema.parse(input.title);
  return db.transaction(async (tx) => {
    await assertReportOpen(tx, input.reportId);
    const rows = await loadSections(tx, input.reportId);
    const after = input.afterId ? rows.find((r) => r.id === input.afterId) : undefined;
    if (input.afterId && !after) throw notFound("章节");
    const parentId = after ? after.parentId ?? null : input.parentId ?? null;
    const parent = parentId ? rows.find((r) => r.id === parentId) : undefined;
    if (parentId && !parent) throw notFound("上级章节");
    const level = parent ? parent.level + 1 : 1;
    if (level > MAX_LEVEL) throw refused(`标题最多 ${MAX_LEVEL} 级，不能再添加下级`);
    const siblings = childrenOf(rows, parentId).map((r) => r.id);
    const [row] = await tx
      .insert(sections)
      .values({ reportId: input.reportId, parentId, level, position: siblings.length, title, departmentId: input.departmentId ?? null })
      .returning();
    await tx.insert(sectionUpdates).values({ sectionId: row.id, update: textToYjsUpdate("") });
    if (after) {
      const order = [...siblings];
      order.splice(order.indexOf(after.id) + 1, 0, row.id);
      await writeOrder(tx, [...rows, row], parentId, order);
    }
    return { id: row.id };
  });
}
