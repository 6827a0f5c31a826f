/**
 * The report setting 各部门可查看全文草稿 (`reports.drafts_visible_to_all`): when on, every
 * editor may read every section of the report — read-only, also at the collaboration socket —
 * and its preview (lib/policy.ts). An admin's command.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reports, sections } from "@/db/schema";
import { publishAccessChange } from "@/lib/collab/bus";
import { notFound } from "@/lib/errors";
import { assertReport, type Principal } from "@/lib/policy";

/**
 * Turns the setting on or off. After commit the collaboration server re-decides every open
 * connection to the report's sections (turning it off closes other departments' read-only
 * connections with 4403).
 * @throws AppError forbidden (not an admin), not_found (no such report).
 */
export async function setDraftsVisible(db: Db, opts: { reportId: string; actor: Principal; visible: boolean }): Promise<void> {
  assertReport(opts.actor, "administer", undefined, "只有管理员可以修改此设置");
  const ids = await db.transaction(async (tx) => {
    const [row] = await tx.update(reports).set({ draftsVisibleToAll: opts.visible, updatedAt: new Date() })
      .where(eq(reports.id, opts.reportId)).returning({ id: reports.id });
    if (!row) throw notFound("总结");
    return (await tx.select({ id: sections.id }).from(sections).where(eq(sections.reportId, opts.reportId))).map((r) => r.id);
  });
  if (ids.length) publishAccessChange({ sectionIds: ids });
}
