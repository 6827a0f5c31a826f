"use server";

/**
 * Server actions of the report dashboard: 开始下一期 (lib/reports/roll-forward.ts checks the
 * policy and that the report is finalized).
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { rollForwardReport, rollForwardSchema } from "@/lib/reports/roll-forward";

const schema = rollForwardSchema.extend({ reportId: z.string().min(1) });

/** Creates the next period's report; `data.reportId` is the new report. */
export async function rollForwardAction(input: z.input<typeof schema>): Promise<ActionResult<{ reportId: string }>> {
  const result = await runAction(schema, input, async ({ reportId, title, period }, actor) => {
    const created = await rollForwardReport(await getDb(), { reportId, actor, title, period });
    revalidatePath("/reports");
    return { ok: true, data: { reportId: created.reportId }, message: "已创建下一期总结" };
  });
  return result as ActionResult<{ reportId: string }>;
}
