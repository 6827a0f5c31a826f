"use server";

/**
 * One server action for the outline editor: a discriminated command (add, rename, move,
 * indent/outdent, delete, assign) validated by zod and run by the lib/outline commands, which
 * check the policy and that the report is not finalized.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { addSection } from "@/lib/outline/add-section";
import { assignSection, renameSection } from "@/lib/outline/edit-section";
import { deleteSection, indentSection, moveSection, outdentSection } from "@/lib/outline/move-section";

const id = z.string().min(1).max(100);
const dateOrEmpty = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")]);

const commandSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), reportId: id, title: z.string(), parentId: id.nullish(), afterId: id.optional() }),
  z.object({ op: z.literal("rename"), reportId: id, sectionId: id, title: z.string() }),
  z.object({ op: z.literal("move"), reportId: id, sectionId: id, direction: z.enum(["up", "down"]) }),
  z.object({ op: z.literal("indent"), reportId: id, sectionId: id }),
  z.object({ op: z.literal("outdent"), reportId: id, sectionId: id }),
  z.object({ op: z.literal("delete"), reportId: id, sectionId: id }),
  z.object({ op: z.literal("assign"), reportId: id, sectionId: id, departmentId: z.string().max(100).optional(), dueDate: dateOrEmpty.optional(),
    wordLimit: z.number().int("字数要求应为整数").min(1, "字数要求至少 1 字").max(100_000, "字数要求最多 100000 字").nullable().optional() }),
]);
export type OutlineCommand = z.infer<typeof commandSchema>;

/** Runs one outline command; the page refreshes to show the new numbers. */
export async function outlineCommand(command: OutlineCommand): Promise<ActionResult> {
  return runAction(commandSchema, command, async (c, actor) => {
    const db = await getDb();
    switch (c.op) {
      case "add":
        await addSection(db, { reportId: c.reportId, actor, title: c.title, parentId: c.parentId ?? null, afterId: c.afterId });
        break;
      case "rename":
        await renameSection(db, { sectionId: c.sectionId, actor, title: c.title });
        break;
      case "move":
        await moveSection(db, { sectionId: c.sectionId, actor, direction: c.direction });
        break;
      case "indent":
        await indentSection(db, { sectionId: c.sectionId, actor });
        break;
      case "outdent":
        await outdentSection(db, { sectionId: c.sectionId, actor });
        break;
      case "delete":
        await deleteSection(db, { sectionId: c.sectionId, actor });
        break;
      case "assign":
        await assignSection(db, {
          sectionId: c.sectionId, actor,
          departmentId: c.departmentId === undefined ? undefined : c.departmentId || null,
          dueDate: c.dueDate === undefined ? undefined : c.dueDate || null,
          wordLimit: c.wordLimit,
        });
        break;
    }
    revalidatePath(`/reports/${c.reportId}`, "layout");
    return { ok: true };
  });
}
