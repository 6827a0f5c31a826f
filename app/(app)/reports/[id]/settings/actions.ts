"use server";

/**
 * Server actions of the report's own parts: save title / 主送 / 附件 / 落款 (the same command as
 * `PATCH /api/reports/<id>`), and mark a blank of a part "有意保留" from the finalize refusal.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { markPartPlaceholder } from "@/lib/reports/mark-part-placeholder";
import { updateReportParts } from "@/lib/reports/update-report-parts";

const saveSchema = z.object({ reportId: z.string().min(1), parts: z.unknown() });
const markSchema = z.object({ reportId: z.string().min(1), key: z.string().min(1).max(2000), intended: z.boolean() });

/** Saves the parts; validation errors come back with their field. */
export async function saveReportPartsAction(input: z.infer<typeof saveSchema>): Promise<ActionResult> {
  return runAction(saveSchema, input, async ({ reportId, parts }, actor) => {
    await updateReportParts(await getDb(), { reportId, actor, input: parts });
    revalidatePath(`/reports/${reportId}`, "layout");
    return { ok: true, message: "已保存" };
  });
}

/** Marks (or unmarks) one blank as intended; the page refreshes its list. */
export async function markPartPlaceholderAction(input: z.infer<typeof markSchema>): Promise<ActionResult> {
  return runAction(markSchema, input, async ({ reportId, key, intended }, actor) => {
    const { remaining } = await markPartPlaceholder(await getDb(), { reportId, actor, key, intended });
    revalidatePath(`/reports/${reportId}`, "layout");
    return { ok: true, message: remaining ? `已标记为有意保留，还有 ${remaining} 处待补充` : "已标记为有意保留，没有待补充内容了" };
  });
}
