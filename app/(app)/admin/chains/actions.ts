"use server";

/**
 * Server actions of the review chain pages: save / delete a template (admin), set a report's
 * chain (admin, 409 while a section is in review). Through runAction (session + zod); the
 * commands authorise themselves.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { setReportChain } from "@/lib/chains/set-report-chain";
import { deleteChainTemplate, saveChainTemplate, templateInputSchema, type TemplateInput } from "@/lib/chains/templates";

/** Creates or replaces a template. */
export async function saveTemplateAction(input: TemplateInput): Promise<ActionResult> {
  return runAction(templateInputSchema, input, async (data, user) => {
    const t = await saveChainTemplate(await getDb(), user, data);
    revalidatePath("/admin/chains");
    return { ok: true, message: `已保存「${t.name}」` };
  });
}

/** Deletes a template (reports keep their copies). */
export async function deleteTemplateAction(id: string): Promise<ActionResult> {
  return runAction(z.string().min(1), id, async (tid, user) => {
    await deleteChainTemplate(await getDb(), user, tid);
    revalidatePath("/admin/chains");
    return { ok: true, message: "已删除" };
  });
}

/** Replaces a report's chain with `stages` (named `name`). */
export async function setReportChainAction(input: { reportId: string; name: string; stages: unknown }): Promise<ActionResult> {
  return runAction(z.object({ reportId: z.string().min(1), name: z.string(), stages: z.unknown() }), input, async (data, user) => {
    await setReportChain(await getDb(), { reportId: data.reportId, actor: user, body: { name: data.name, stages: data.stages } });
    revalidatePath(`/reports/${data.reportId}`);
    return { ok: true, message: "审核流程已更新" };
  });
}
