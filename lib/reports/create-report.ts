/**
 * Creates a report with its outline in one transaction, and each section's Yjs document on the
 * server from its body text (created once, server side: clients never seed content, or the text
 * would double when two clients seed at once).
 */
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import type { Db } from "@/db/client";
import { reports, sectionUpdates, sections } from "@/db/schema";
import type { JSONContent } from "@tiptap/core";
import { chainForNewReport } from "@/lib/chains/templates";
import { jsonToYjsUpdate, prosemirrorJSONToText, textToProsemirrorJSON, textToYjsUpdate } from "@/lib/collab/content";
import { findPlaceholders } from "@/lib/placeholders/find";
import { createOpeningSection, openingDepartmentId } from "./opening";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

export const createReportSchema = z.object({
  title: cleanTextSchema({ singleLine: true }).trim().min(1, "请填写标题").max(200, "标题过长"),
  period: cleanTextSchema({ singleLine: true }).trim().max(40).default(""),
  organisationName: cleanTextSchema({ singleLine: true }).trim().min(1).max(100),
  preamble: z.string().max(200_000).default(""),
  /** 主送机关 ("" none), 附件 names, 落款 (null: organisation name and finalize date). */
  addressee: cleanTextSchema({ singleLine: true }).trim().max(200).default(""),
  attachments: z.array(cleanTextSchema({ singleLine: true }).trim().min(1).max(300)).max(50).default([]),
  signOff: z.object({ unit: cleanTextSchema({ singleLine: true }).trim().max(100), date: isoDate.nullish() }).nullish(),
  deadline: isoDate.nullish(),
  createdBy: z.string().nullish(),
  /** The review chain template the report copies (default: the one-stage chain). */
  chainTemplateId: z.string().nullish(),
  /** Keep each section's body as its imported text (last period's text of an imported report). */
  keepImported: z.boolean().default(false),
  sections: z
    .array(
      z.object({
        level: z.number().int().min(1).max(4),
        title: cleanTextSchema({ singleLine: true }).trim().min(1, "章节标题不能为空").max(300),
        body: z.string().max(500_000).default(""),
        /** The body as ProseMirror JSON (e.g. with imported tables); wins over `body`. */
        content: z.custom<JSONContent>((v) => typeof v === "object" && v !== null && (v as JSONContent).type === "doc").optional(),
        departmentId: z.string().nullish(),
        dueDate: isoDate.nullish(),
      }),
    )
    .max(500, "章节过多"),
});
export type CreateReportInput = z.input<typeof createReportSchema>;

/** The created report's id and its sections in outline order with parent links. */
export interface CreatedReport {
  reportId: string;
  /** The opening section (lib/reports/opening.ts), made from `preamble`. */
  openingId: string;
  sections: { id: string; parentId: string | null; level: number; position: number; title: string; departmentId: string | null }[];
}

/**
 * Creates the report. Section levels are read as an indented list: a section's parent is the
 * nearest earlier section of a lower level; a level deeper than parent+1 is clamped to parent+1.
 * The report copies its review chain from `chainTemplateId` (later template edits do not
 * change it). With `keepImported`, each non-empty body is also kept as the section's imported
 * text (`sections.imported_text/json`): the "last period" that 与上期对比 and the reference show.
 * The opening becomes its own section (lib/reports/opening.ts) from `preamble`.
 * @throws ZodError on invalid input; AppError validation (unknown chain template).
 */
export async function createReport(db: Db, input: CreateReportInput): Promise<CreatedReport> {
  const data = createReportSchema.parse(input);
  return db.transaction(async (tx) => {
    const chain = await chainForNewReport(tx, data.chainTemplateId);
    const [report] = await tx
      .insert(reports)
      .values({
        title: data.title, period: data.period, organisationName: data.organisationName,
        preamble: data.preamble, deadline: data.deadline ?? null, createdBy: data.createdBy ?? null,
        reviewChain: chain.stages, reviewChainName: chain.name,
        addressee: data.addressee, attachments: data.attachments,
        signOffUnit: data.signOff?.unit || null, signOffDate: data.signOff?.date ?? null,
      })
      .returning();
    const openingId = await createOpeningSection(tx, {
      reportId: report.id, text: data.preamble, departmentId: await openingDepartmentId(tx, data.createdBy), dueDate: data.deadline ?? null,
    });
    const stack: { id: string; level: number }[] = [];
    const childCount = new Map<string | null, number>();
    const created: CreatedReport["sections"] = [];
    for (const s of data.sections) {
      while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
      const parent = stack[stack.length - 1];
      const level = parent ? Math.min(s.level, parent.level + 1) : 1;
      const parentId = parent?.id ?? null;
      const position = childCount.get(parentId) ?? 0;
      childCount.set(parentId, position + 1);
      const json = s.content ?? textToProsemirrorJSON(s.body);
      const text = prosemirrorJSONToText(json);
      const imported = data.keepImported && text.trim() !== "";
      const [row] = await tx
        .insert(sections)
        .values({
          reportId: report.id, parentId, level, position, title: s.title,
          departmentId: s.departmentId ?? null, dueDate: s.dueDate ?? data.deadline ?? null,
          placeholderCount: findPlaceholders(s.content ? text : s.body).length,
          importedText: imported ? text : null,
          importedJson: imported ? json : null,
        })
        .returning();
      const update = s.content ? jsonToYjsUpdate(s.content) : textToYjsUpdate(s.body);
      await tx.insert(sectionUpdates).values({ sectionId: row.id, update });
      stack.push({ id: row.id, level });
      created.push({ id: row.id, parentId, level, position, title: row.title, departmentId: row.departmentId });
    }
    return { reportId: report.id, openingId, sections: created };
  });
}
