"use server";

/**
 * Server actions of the import page: parse an upload or pasted text (nothing is stored), and
 * create the report from the plan the admin edited. Both through runAction (session + zod).
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { importFile, importText, isImportError, MAX_IMPORT_BYTES, type ImportResult } from "@/lib/import";
import { assertReport } from "@/lib/policy";
import { createImportedReport } from "@/lib/reports/import-report";
import { validation } from "@/lib/errors";

const parseSchema = z.object({
  file: z.instanceof(File).optional(),
  text: z.string().max(2_000_000, "粘贴的文字过长").optional(),
});

/** Parses the uploaded file (or the pasted text when no file is chosen); returns the ImportResult. */
export async function parseImport(formData: FormData): Promise<ActionResult<ImportResult>> {
  const raw = { file: formData.get("file") ?? undefined, text: formData.get("text") ?? undefined };
  const result = await runAction(parseSchema, raw, async ({ file, text }, user) => {
    assertReport(user, "administer", undefined, "只有管理员可以导入总结");
    try {
      if (file && file.size > 0) {
        if (file.size > MAX_IMPORT_BYTES) throw validation(`文件过大（${(file.size / 1048576).toFixed(1)} MB），导入上限为 ${MAX_IMPORT_BYTES / 1048576} MB`, "file");
        return { ok: true, data: await importFile({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name }) };
      }
      if (file && file.name && file.size === 0) throw validation(`文件「${file.name}」是空的（0 字节）`, "file");
      if (!text?.trim()) throw validation("请选择要导入的文件，或粘贴总结的文字", "text");
      return { ok: true, data: importText(text) };
    } catch (err) {
      if (isImportError(err)) return { ok: false, error: err.message, code: err.code, field: file && file.size > 0 ? "file" : "text" };
      throw err;
    }
  });
  return result as ActionResult<ImportResult>;
}

const isoDateOrEmpty = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")]);

const createSchema = z.object({
  title: z.string().trim().min(1, "请填写总结标题").max(200, "标题过长"),
  period: z.string().trim().max(40, "期间过长"),
  deadline: isoDateOrEmpty,
  preamble: z.string().max(200_000),
  /** Review chain template to copy ("" = the default one-stage chain). */
  chainTemplateId: z.string().optional(),
  sections: z
    .array(z.object({
      level: z.number().int().min(1).max(4),
      title: z.string().trim().min(1, "有章节标题为空，请填写或删除该章节").max(300, "章节标题过长"),
      body: z.string().max(500_000),
      departmentId: z.string(),
      dueDate: isoDateOrEmpty,
    }))
    .min(1, "至少需要一个章节")
    .max(500, "章节过多"),
});
export type CreateFromImportInput = z.infer<typeof createSchema>;

/** Creates the report (Yjs documents made server side) and redirects to its dashboard. */
export async function createFromImport(input: CreateFromImportInput): Promise<ActionResult> {
  let reportId = "";
  const result = await runAction(createSchema, input, async (data, user) => {
    assertReport(user, "administer", undefined, "只有管理员可以创建总结");
    const created = await createImportedReport(await getDb(), {
      title: data.title, period: data.period, deadline: data.deadline || null, preamble: data.preamble, createdBy: user.id, chainTemplateId: data.chainTemplateId || null,
      sections: data.sections.map((s) => ({ ...s, departmentId: s.departmentId || null, dueDate: s.dueDate || null })),
    });
    reportId = created.reportId;
  });
  if (result.ok && reportId) redirect(`/reports/${reportId}`);
  return result;
}
