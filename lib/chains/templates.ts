/**
 * Review chain templates the admin manages (name, stages). A report copies a template's stages
 * when it is created, so editing or deleting a template never changes a running report.
 */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { reviewChainTemplates, type ReviewChainTemplate } from "@/db/schema";
import { AppError, notFound, validation } from "@/lib/errors";
import { assertAdmin, type Principal } from "@/lib/policy";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { chainSchema, DEFAULT_CHAIN, DEFAULT_CHAIN_NAME, type Chain } from "@/lib/workflow";
import { checkChainNames } from "./check-names";

export const templateInputSchema = z.object({
  id: z.string().min(1).nullish(),
  name: cleanTextSchema({ singleLine: true }).pipe(z.string().trim().min(1, "请填写流程名称").max(60, "流程名称不超过 60 个字")),
  stages: chainSchema,
});
export type TemplateInput = z.input<typeof templateInputSchema>;

/** All templates by name. */
export function listChainTemplates(db: DbOrTx): Promise<ReviewChainTemplate[]> {
  return db.select().from(reviewChainTemplates).orderBy(asc(reviewChainTemplates.name));
}

/**
 * Creates (no id) or replaces (id) a template. Named accounts and departments must exist.
 * @throws AppError forbidden (not an admin), validation (ZodError → 422; unknown account or
 *   department, field `stages`), conflict (name taken), not_found (id).
 */
export async function saveChainTemplate(db: DbOrTx, actor: Principal, input: TemplateInput): Promise<ReviewChainTemplate> {
  assertAdmin(actor);
  const data = templateInputSchema.parse(input);
  await checkChainNames(db, data.stages);
  const [taken] = await db.select({ id: reviewChainTemplates.id }).from(reviewChainTemplates).where(eq(reviewChainTemplates.name, data.name));
  if (taken && taken.id !== data.id) throw new AppError("conflict", `流程名称「${data.name}」已被使用`, "name");
  if (data.id) {
    const [row] = await db.update(reviewChainTemplates).set({ name: data.name, stages: data.stages, updatedAt: new Date() })
      .where(eq(reviewChainTemplates.id, data.id)).returning();
    if (!row) throw notFound("审核流程");
    return row;
  }
  const [row] = await db.insert(reviewChainTemplates).values({ name: data.name, stages: data.stages }).returning();
  return row;
}

/** Deletes a template (reports keep their copies). @throws AppError forbidden, not_found. */
export async function deleteChainTemplate(db: DbOrTx, actor: Principal, id: string): Promise<void> {
  assertAdmin(actor);
  const [row] = await db.delete(reviewChainTemplates).where(eq(reviewChainTemplates.id, id)).returning({ id: reviewChainTemplates.id });
  if (!row) throw notFound("审核流程");
}

/** The chain a new report copies: the template's, or the default one-stage chain. @throws AppError validation. */
export async function chainForNewReport(db: DbOrTx, templateId: string | null | undefined): Promise<{ name: string; stages: Chain }> {
  if (!templateId) return { name: DEFAULT_CHAIN_NAME, stages: DEFAULT_CHAIN };
  const [t] = await db.select().from(reviewChainTemplates).where(eq(reviewChainTemplates.id, templateId));
  if (!t) throw validation("所选审核流程不存在", "chainTemplateId");
  return { name: t.name, stages: t.stages };
}
