"use server";

/**
 * The dashboard's 催报 server action: one department (with `departmentId`) or every overdue one,
 * with an optional note. lib/chase/chase-report.ts authorises (admin) and rate-limits; the
 * dashboard refreshes to show "已于 HH:mm 由 … 催报".
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { chaseReport } from "@/lib/chase/chase-report";
import { chaseBodySchema } from "@/lib/chase/schemas";

const schema = chaseBodySchema.extend({ reportId: z.string().min(1).max(100) });

/** Chases; the result's `message` says how many departments were chased (and who was skipped). */
export async function chaseAction(input: z.input<typeof schema>): Promise<ActionResult> {
  return runAction(schema, input, async (c, actor) => {
    const r = await chaseReport(await getDb(), { reportId: c.reportId, actor, departmentId: c.departmentId, note: c.note });
    revalidatePath(`/reports/${c.reportId}`);
    const skipped = r.skipped.length ? `；${r.skipped.map((s) => s.name).join("、")} 1 小时内已催报过，本次跳过` : "";
    return { ok: true, data: { sent: r.sent }, message: `已催报 ${r.chased.map((d) => d.name).join("、")}${skipped}` };
  });
}
