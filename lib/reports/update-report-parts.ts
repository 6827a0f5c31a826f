/**
 * The admin edits a report's own parts: title, 主送机关, 附件 list and 落款 (unit, 成文日期).
 * `PATCH /api/reports/<id>` and the report settings page call it. One transaction; the report's
 * version is bumped so a finalize started from an older page is refused as stale.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reports } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { assertReport, type Principal } from "@/lib/policy";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { assertReportOpen } from "@/lib/assembly/report-open";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "日期无效");

/** Body of `PATCH /api/reports/<id>`: any of the fields; `signOff.unit` "" and `date` null mean the defaults. */
export const reportPartsSchema = z.object({
  title: cleanTextSchema({ singleLine: true }).trim().min(1, "请填写标题").max(200, "标题过长").optional(),
  /** 主送机关 without the final "："; "" removes it. A trailing "：" or ":" is dropped. */
  addressee: cleanTextSchema({ singleLine: true }).trim().max(200, "主送机关过长").transform((s) => s.replace(/[：:]+$/, "").trim()).optional(),
  attachments: z.array(cleanTextSchema({ singleLine: true }).trim().min(1, "附件名称不能为空").max(300, "附件名称过长")).max(50, "附件过多").optional(),
  signOff: z.object({
    unit: cleanTextSchema({ singleLine: true }).trim().max(100, "落款单位过长"),
    date: isoDate.nullable(),
  }).nullable().optional(),
}).strict();
export type ReportPartsInput = z.input<typeof reportPartsSchema>;

/**
 * Applies the given fields; fields left out stay as they are.
 * @param input.version the report version the admin saw (optional: stale → conflict).
 * @returns the report's new version.
 * @throws ZodError (bad input), AppError forbidden (not admin), not_found, refused (finalized: reopen first), conflict.
 */
export async function updateReportParts(db: Db, opts: { reportId: string; actor: Principal; input: unknown }): Promise<{ version: number }> {
  assertReport(opts.actor, "administer");
  const data = reportPartsSchema.parse(opts.input);
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, opts.reportId)).for("update");
    if (!report) throw notFound("总结");
    await assertReportOpen(tx, report.id);
    const set: Partial<typeof reports.$inferInsert> = { version: report.version + 1, updatedAt: new Date() };
    if (data.title !== undefined) set.title = data.title;
    if (data.addressee !== undefined) set.addressee = data.addressee;
    if (data.attachments !== undefined) set.attachments = data.attachments;
    if (data.signOff !== undefined) {
      set.signOffUnit = data.signOff?.unit || null;
      set.signOffDate = data.signOff?.date ?? null;
    }
    await tx.update(reports).set(set).where(eq(reports.id, report.id));
    return { version: report.version + 1 };
  });
}
