"use server";

/** Server action of the history page: 恢复此版本 (lib/review/restore-version.ts authorises). */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { restoreVersion } from "@/lib/review/restore-version";

const schema = z.object({ sectionId: z.string().min(1).max(100), versionId: z.string().min(1).max(100) });

/** Restores a frozen version into the section's text, as an edit the other editors see live. */
export async function restoreVersionAction(input: z.input<typeof schema>): Promise<ActionResult> {
  return runAction(schema, input, async (c, actor) => {
    const r = await restoreVersion(await getDb(), { sectionId: c.sectionId, versionId: c.versionId, actor });
    revalidatePath(`/sections/${c.sectionId}`, "layout");
    return { ok: true, message: `已恢复为${r.label}，正在编辑的同事会立即看到这一修改` };
  });
}
