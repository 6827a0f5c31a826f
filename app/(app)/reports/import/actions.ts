"use server";

/**
 * Server actions of the import page: parse an upload or pasted text (nothing is stored), and
 * create the report from the plan the admin edited. Both through runAction (session + zod).
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { importFile, importPastedText, isImportError, MAX_IMPORT_BYTES, type ImportResult } from "@/lib/import";
import { assertReport } from "@/lib/policy";
import { createImportedReport } from "@/lib/reports/import-report";
import { validation } from "@/lib/errors";

const parseSchema = z.object({
  file: z.instanceof(File).optional(),
  text: z.string().max(2_000_000, "粘贴的文字过长").optional(),
});

/**
 * Parses the uploaded file (or the pasted text when no file is chosen) in a bounded worker
 * (lib/import/worker/run.ts: time and heap limits); returns the ImportResult. Uploads over
 * 10 MB are refused here with 422 and, above the action body limit, by the server with 413.
 */
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
      return { ok: true, data: await importPastedText(text) };
    } catch (err) {
      if (isImportError(err)) return { ok: false, error: err.message, code: err.code, field: file && file.size > 0 ? "file" : "text" };
      throw err;
    }
  });
  return result as ActionResult<ImportResult>;
}

const isoDateOrEmpty = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")]);

// Tables come back from the browser as the parse step made them; bounded like any input.
const tableSchema = z.object({
  rows: z
    .array(z.array(z.object({
      paragraphs: z.array(cleanTextSchema().max(10_000, "表格单元格文字过长")).max(200),
      colspan: z.number().int().min(1).max(63),
      header: z.boolean(),
    })).max(64, "表格列数过多"))
    .max(1000, "表格行数过多"),
});

const createSchema = z.object({
  title: cleanTextSchema({ singleLine: true }).trim().min(1, "请填写总结标题").max(200, "标题过长"),
  period: cleanTextSchema({ singleLine: true }).trim().max(40, "期间过长"),
  deadline: isoDateOrEmpty,
  preamble: cleanTextSchema().max(200_000),
  tables: z.array(tableSchema).max(200, "表格过多").default([]),
  /** 主送机关, 附件 names and 落款 recognised in the file (and edited in the wizard). */
  addressee: cleanTextSchema({ singleLine: true }).trim().max(200, "主送机关过长").default(""),
  attachments: z.array(cleanTextSchema({ singleLine: true }).trim().min(1, "附件名称不能为空").max(300, "附件名称过长")).max(50, "附件过多").default([]),
  signOff: z.object({
    unit: cleanTextSchema({ singleLine: true }).trim().max(100, "落款单位过长"),
    date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "成文日期格式应为 YYYY-MM-DD").nullish(),
  }).nullish(),
  /** Review chain template to copy ("" = the default one-stage chain). */
  chainTemplateId: z.string().optional(),
  sections: z
    .array(z.object({
      level: z.number().int().min(1).max(4),
      title: cleanTextSchema({ singleLine: true }).trim().min(1, "有章节标题为空，请填写或删除该章节").max(300, "章节标题过长"),
      body: cleanTextSchema().max(500_000),
      departmentId: z.string(),
      dueDate: isoDateOrEmpty,
    }))
    .min(1, "至少需要一个章节")
    .max(500, "章节过多"),
});
export type CreateFromImportInput = z.input<typeof createSchema>;

/** Creates the report (Yjs documents made server side) and redirects to its dashboard. */
export async function createFromImport(input: CreateFromImportInput): Promise<ActionResult> {
  let reportId = "";
  const result = await runAction(createSchema, input, async (data, user) => {
    assertReport(user, "administer", undefined, "只有管理员可以创建总结");
    const created = await createImportedReport(await getDb(), {
      title: data.title, period: data.period, deadline: data.deadline || null, preamble: data.preamble, createdBy: user.id,
      addressee: data.addressee, attachments: data.attachments, signOff: data.signOff ? { unit: data.signOff.unit, date: data.signOff.date || null } : null, tables: data.tables, chainTemplateId: data.chainTemplateId || null,
      sections: data.sections.map((s) => ({ ...s, departmentId: s.departmentId || null, dueDate: s.dueDate || null })),
    });
    reportId = created.reportId;
  });
  if (result.ok && reportId) redirect(`/reports/${reportId}`);
  return result;
}
