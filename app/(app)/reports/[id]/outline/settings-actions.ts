"use server";

/** The report settings of the outline page (admins): 各部门可查看全文草稿. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { setDraftsVisible } from "@/lib/reports/set-drafts-visible";

const schema = z.object({ reportId: z.string().min(1).max(100), visible: z.boolean() });

/** Turns 各部门可查看全文草稿 on or off; the command authorises. */
export async function setDraftsVisibleAction(input: z.input<typeof schema>): Promise<ActionResult> {
  return runAction(schema, input, async (c, actor) => {
    await setDraftsVisible(await getDb(), { reportId: c.reportId, actor, visible: c.visible });
    revalidatePath(`/reports/${c.reportId}`, "layout");
    return { ok: true, message: c.visible ? "已开放：各部门撰稿人可查看全文草稿（只读）" : "已关闭：撰稿人只能查看本部门的章节" };
  });
}
