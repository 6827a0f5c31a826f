"use server";

/**
 * Server actions of the preview page: finalize (定稿) and reopen (重新打开, with a reason).
 * The lib/assembly commands check the policy, the sections' states and the report version.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { finalizeReport } from "@/lib/assembly/finalize-report";
import { reopenReport } from "@/lib/assembly/reopen-report";

const finalizeSchema = z.object({ reportId: z.string().min(1), version: z.number().int() });
const reopenSchema = finalizeSchema.extend({ reason: z.string().trim().min(1, "请填写重新打开的原因").max(1000, "原因过长") });

/** Finalizes the report into its next 第N版. */
export async function finalizeAction(input: z.infer<typeof finalizeSchema>): Promise<ActionResult> {
  return runAction(finalizeSchema, input, async ({ reportId, version }, actor) => {
    const result = await finalizeReport(await getDb(), { reportId, actor, expectedVersion: version });
    revalidatePath(`/reports/${reportId}`, "layout");
    return { ok: true, message: `已定稿：第${result.number}版` };
  });
}

/** Reopens a finalized report (its finals stay downloadable). */
export async function reopenAction(input: z.infer<typeof reopenSchema>): Promise<ActionResult> {
  return runAction(reopenSchema, input, async ({ reportId, version, reason }, actor) => {
    await reopenReport(await getDb(), { reportId, actor, reason, expectedVersion: version });
    revalidatePath(`/reports/${reportId}`, "layout");
    return { ok: true, message: "已重新打开，各章节可继续修改" };
  });
}
