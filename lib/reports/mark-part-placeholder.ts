/**
 * The admin marks a blank of a printed part "有意保留" (or takes the mark back), from the
 * finalize refusal list: the key (lib/reports/parts-placeholders.ts) is added to or removed
 * from `reports.intendedPlaceholders`. Works for every part, including approved bodies: the
 * mark changes no text, only what the finalize check counts.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reports } from "@/db/schema";
import { refused } from "@/lib/errors";
import { assertReport, type Principal } from "@/lib/policy";
import { assertReportOpen } from "@/lib/assembly/report-open";
import { loadReportParts } from "./report-parts";
import { partPlaceholderKeys } from "./parts-placeholders";
import { placeholdersOfParts } from "@/lib/placeholders/parts";

export const markPartSchema = z.object({ key: z.string().min(1).max(2000), intended: z.boolean() });

/**
 * Sets or clears the mark.
 * @returns the number of blanks still unresolved in the report.
 * @throws AppError forbidden (not admin), not_found, refused (finalized, or the blank is no longer there).
 */
export async function markPartPlaceholder(db: Db, opts: { reportId: string; actor: Principal; key: string; intended: boolean }): Promise<{ remaining: number }> {
  assertReport(opts.actor, "finalize");
  const { key, intended } = markPartSchema.parse(opts);
  return db.transaction(async (tx) => {
    await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, opts.reportId)).for("update");
    await assertReportOpen(tx, opts.reportId);
    const { report, parts } = await loadReportParts(tx, opts.reportId);
    const marks = new Set(report.intendedPlaceholders);
    if (intended) {
      if (!partPlaceholderKeys(placeholdersOfParts(parts)).includes(key)) throw refused("该待补充内容已不在文中，请刷新后重试");
      marks.add(key);
    } else {
      marks.delete(key);
    }
    await tx.update(reports).set({ intendedPlaceholders: [...marks], updatedAt: new Date() }).where(eq(reports.id, report.id));
    return { remaining: (await loadReportParts(tx, opts.reportId)).placeholders.length };
  });
}
