/**
 * CLI commands for reports (a stable interface, design.md "Interfaces other tools rely on"):
 *   import <file> --dry-run                       parse only (in a bounded worker); needs no database;
 *                                                 prints every part (主送, 附件, 落款) and every part's blanks
 *   import <file> [--title <t>] [--assign-all <部门名称>] [--chain <审核流程名称>]   create the report
 *   export <reportId> --format docx|md|html --out <path> [--final <n>] [--clean-draft] [--bold-level3]
 * Database modules are imported lazily so `--dry-run` never opens DATA_DIR.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { importFile } from "../../lib/import";
import { placeholdersOfParts } from "../../lib/placeholders/parts";
import type { Command } from "./commands";

/** Reads and parses an import file; ImportError becomes a validation error with the file named. */
async function parseFile(file: string | undefined) {
  if (!file) throw new AppError("validation", "缺少要导入的文件：npm run cli -- import <文件> [--dry-run]", "file");
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch {
    throw new AppError("validation", `无法读取文件：${file}`, "file");
  }
  try {
    return await importFile({ bytes, filename: path.basename(file) });
  } catch (err) {
    if (err instanceof Error && err.name === "ImportError") throw new AppError("validation", `${path.basename(file)}：${err.message}`, "file");
    throw err;
  }
}

const importOptions = z.object({
  "dry-run": z.boolean().optional(),
  title: z.string().trim().min(1, "--title 不能为空").optional(),
  "assign-all": z.string().trim().min(1, "--assign-all 需要部门名称").optional(),
  chain: z.string().trim().min(1, "--chain 需要审核流程名称").optional(),
});

const exportOptions = z.object({
  format: z.enum(["docx", "md", "html"], { error: "--format 必须是 docx、md 或 html" }),
  out: z.string({ error: "缺少 --out <输出文件路径>" }).min(1, "缺少 --out <输出文件路径>"),
  final: z.coerce.number({ error: "--final 必须是正整数" }).int("--final 必须是正整数").positive("--final 必须是正整数").optional(),
  "clean-draft": z.boolean().optional(),
  "bold-level3": z.boolean().optional(),
});

export const reportCommands: Record<string, Command> = {
  import: {
    usage: "<文件.txt|.docx> [--dry-run] [--title <标题>] [--assign-all <部门名称>] [--chain <审核流程名称>]",
    paths: { positionals: true },
    options: { "dry-run": { type: "boolean" }, title: { type: "string" }, "assign-all": { type: "string" }, chain: { type: "string" } },
    async run(values, positionals) {
      const opts = importOptions.parse(values);
      const result = await parseFile(positionals[0]);
      const title = opts.title ?? result.title;
      if (opts["dry-run"]) {
        return {
          title, addressee: result.addressee, preamble: result.preamble,
          sections: result.sections.map(({ level, title, body, placeholders }) => ({ level, title, body, placeholders })),
          attachments: result.attachments, signOff: result.signOff,
          removed: result.removed,
          // Every printed part's blanks (issue 12): title, 主送, opening, headings, bodies, 附件, 落款.
          placeholders: placeholdersOfParts({ ...result, title, opening: result.preamble }),
          // Added by the Word import (issue 13): tables named by `［表格N：…］` body lines, what was not imported.
          tables: result.tables, notImported: result.notImported, warnings: result.warnings,
        };
      }
      if (!title) throw new AppError("validation", "文件中没有识别到标题，请用 --title 指定", "title");
      const { getDb } = await import("../../db/client");
      const { findDepartmentByName } = await import("../../lib/accounts/departments");
      const { createImportedReport } = await import("../../lib/reports/import-report");
      const { getReportWithOutline } = await import("../../lib/reports/get-report");
      const db = await getDb();
      let departmentId: string | null = null;
      if (opts["assign-all"]) {
        const dept = await findDepartmentByName(db, opts["assign-all"]);
        if (!dept) throw new AppError("validation", `部门「${opts["assign-all"]}」不存在，请先用 dept:create 创建`, "assign-all");
        departmentId = dept.id;
      }
      let chainTemplateId: string | null = null;
      if (opts.chain) {
        const { listChainTemplates } = await import("../../lib/chains/templates");
        const t = (await listChainTemplates(db)).find((x) => x.name === opts.chain);
        if (!t) throw new AppError("validation", `审核流程「${opts.chain}」不存在`, "chain");
        chainTemplateId = t.id;
      }
      // 主送, 附件, 落款 pass through as the importer read them (stored by the report's parts, issue 12).
      const parts = { addressee: result.addressee, attachments: result.attachments, signOff: result.signOff };
      const created = await createImportedReport(db, { ...parts, title, preamble: result.preamble, sections: result.sections, tables: result.tables, assignAllDepartmentId: departmentId, chainTemplateId });
      const { sections } = await getReportWithOutline(db, created.reportId);
      return {
        reportId: created.reportId,
        sections: sections.map((s) => ({ id: s.id, level: s.level, title: s.title, number: s.number, departmentId: s.departmentId })),
      };
    },
  },
  export: {
    usage: "<reportId> --format docx|md|html --out <路径> [--final <版本号>] [--clean-draft] [--bold-level3]",
    paths: { options: ["out"] },
    options: { format: { type: "string" }, out: { type: "string" }, final: { type: "string" }, "clean-draft": { type: "boolean" }, "bold-level3": { type: "boolean" } },
    async run(values, positionals) {
      const reportId = positionals[0];
      if (!reportId) throw new AppError("validation", "缺少总结 ID：npm run cli -- export <reportId> --format docx --out <路径>", "reportId");
      const opts = exportOptions.parse(values);
      const { getDb } = await import("../../db/client");
      const { exportReport } = await import("../../lib/assembly/export-report");
      // No account runs the CLI: the .docx creator falls back to the organisation.
      const file = await exportReport(await getDb(), reportId, opts.format, opts.final, { cleanDraft: opts["clean-draft"], boldLevel3: opts["bold-level3"] });
      const out = path.resolve(opts.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, file.bytes);
      return { reportId, format: opts.format, out, bytes: file.bytes.length, final: file.final, draft: file.draft };
    },
  },
};
