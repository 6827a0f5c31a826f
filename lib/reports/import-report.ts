/**
 * Creates a report from an import (the import page, the CLI): the organisation's name comes
 * from the database, "assign all" skips grouping headings, and createReport makes every
 * section's Yjs document once, server side. A body whose marker lines name imported tables is
 * created from ProseMirror JSON with real table nodes. Each body is also kept as the section's
 * imported text: its "last period" (GET /api/sections/<id>/previous, 与上期对比).
 */
import type { Db } from "@/db/client";
import { getOrganisation } from "@/lib/demo/ensure-organisation";
import { bodyToProsemirrorJSON } from "@/lib/import/tables";
import type { ImportedTable } from "@/lib/import/types";
import { createReport, type CreatedReport } from "./create-report";
import { assignAll, guessPeriod, planFromImport } from "./import-plan";

export interface ImportedReportInput {
  title: string;
  period?: string;
  deadline?: string | null;
  preamble: string;
  /** 主送机关, 附件 names and 落款 recognised in the file (ImportResult of lib/import). */
  addressee?: string;
  attachments?: string[];
  signOff?: { unit: string; date: string | null } | null;
  sections: { level: number; title: string; body: string; departmentId?: string | null; dueDate?: string | null }[];
  /** Assign every section except grouping headings to this department (before per-section ones). */
  assignAllDepartmentId?: string | null;
  createdBy?: string | null;
  /** Tables named by marker lines in section bodies (lib/import/tables.ts); become table nodes. */
  tables?: ImportedTable[];
  /** Review chain template to copy (default: the one-stage chain). */
  chainTemplateId?: string | null;
}

/**
 * Creates the report; returns the ids as createReport does.
 * @throws ZodError (empty title, bad dates, too many sections…), AppError from the database layer.
 */
export async function createImportedReport(db: Db, input: ImportedReportInput): Promise<CreatedReport> {
  const org = await getOrganisation(db);
  let plan = planFromImport(input.sections);
  if (input.assignAllDepartmentId) plan = assignAll(plan, input.assignAllDepartmentId);
  return createReport(db, {
    title: input.title,
    period: input.period ?? guessPeriod(input.title),
    organisationName: org.name,
    preamble: input.preamble,
    addressee: input.addressee ?? "",
    attachments: input.attachments ?? [],
    signOff: input.signOff ?? null,
    deadline: input.deadline || null,
    createdBy: input.createdBy ?? null,
    chainTemplateId: input.chainTemplateId ?? null,
    keepImported: true,
    sections: plan.map((s, i) => ({
      level: s.level,
      title: s.title,
      body: s.body,
      content: bodyToProsemirrorJSON(s.body, input.tables ?? []) ?? undefined,
      departmentId: input.sections[i].departmentId || s.departmentId || null,
      dueDate: input.sections[i].dueDate || null,
    })),
  });
}
