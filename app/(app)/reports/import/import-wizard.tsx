"use client";

/**
 * The import page: choose a source, then review and reshape the recognised outline (numbers
 * computed live), assign departments and dates, and create the report.
 */
import { useMemo, useState, useTransition } from "react";
import type { ImportedTable, ImportResult } from "@/lib/import/types";
import { flatNumbers, guessPeriod, planFromImport, type PlanSection } from "@/lib/reports/import-plan";
import { DateField } from "@/app/_components/date-field";
import { createFromImport } from "./actions";
import { PlanEditor } from "./plan-editor";
import { PartsFields, type ReportParts } from "./parts-fields";
import { PartBlanks } from "./part-blanks";
import { placeholdersOfParts } from "@/lib/placeholders/parts";
import { SourceStep } from "./source-step";

export interface Dept { id: string; name: string }

interface Meta { title: string; period: string; deadline: string; preamble: string }

const BLANK_SECTIONS = [
  { level: 1, title: "上半年主要工作", body: "" },
  { level: 2, title: "（请填写小标题）", body: "" },
  { level: 1, title: "存在的问题", body: "" },
  { level: 1, title: "下半年工作安排", body: "" },
];

/** `（一）项目建设提速增效` for a plan row's key, for the list of blanks. */
function sectionLabel(plan: PlanSection[], key: string): string {
  const numbers = flatNumbers(plan.map((s) => s.level));
  const i = plan.findIndex((s) => s.key === key);
  return i < 0 ? "" : `${numbers[i]}${plan[i].title}`;
}

export function ImportWizard({ departments, maxBytes, chains = [] }: { departments: Dept[]; maxBytes: number; chains?: { id: string; name: string }[] }) {
  const [chainTemplateId, setChainTemplateId] = useState("");
  const [plan, setPlan] = useState<PlanSection[] | null>(null);
  const [removed, setRemoved] = useState<string[]>([]);
  const [tables, setTables] = useState<ImportedTable[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [meta, setMeta] = useState<Meta>({ title: "", period: "", deadline: "", preamble: "" });
  const [parts, setParts] = useState<ReportParts>({ addressee: "", attachments: [], signOff: null });
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const loaded = (result: ImportResult) => {
    setPlan(planFromImport(result.sections));
    setRemoved(result.removed);
    setTables(result.tables ?? []);
    setWarnings(result.warnings ?? []);
    setMeta({ title: result.title, period: guessPeriod(result.title), deadline: "", preamble: result.preamble });
    setParts({ addressee: result.addressee ?? "", attachments: result.attachments ?? [], signOff: result.signOff ?? null });
    setError(null);
  };

  // Blanks of every printed part, live; a plan row's key stands in for a section id.
  const blanks = useMemo(
    () => (plan ? placeholdersOfParts({ ...parts, title: meta.title, opening: meta.preamble, sections: plan.map((s) => ({ id: s.key, title: s.title, body: s.body })) }) : []),
    [plan, parts, meta.title, meta.preamble],
  );

  if (!plan) {
    return (
      <SourceStep
        maxBytes={maxBytes}
        onParsed={loaded}
        onBlank={() => loaded({ title: "", addressee: "", preamble: "", attachments: [], signOff: null, sections: BLANK_SECTIONS as ImportResult["sections"], removed: [], tables: [], notImported: { images: 0, objects: 0, textBoxes: 0 }, warnings: [] })}
      />
    );
  }

  const create = () => {
    setError(null);
    start(async () => {
      const result = await createFromImport({
        ...meta,
        ...parts, // 主送, 附件, 落款: the create action stores them (issue 12)
        tables,
        chainTemplateId,
        sections: plan.map(({ level, title, body, departmentId, dueDate }) => ({ level, title, body, departmentId, dueDate })),
      });
      if (result && !result.ok) setError(result.error);
    });
  };

  const field = (name: keyof Meta, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="block">
      <span className="label">{label}</span>
      <input className="input" value={meta[name]} onChange={(e) => setMeta({ ...meta, [name]: e.target.value })} {...props} />
    </label>
  );

  return (
    <div className="space-y-4">
      <div className="card grid gap-3 p-4 md:grid-cols-[2fr_1fr_1fr]">
        {field("title", "总结标题", { placeholder: "如 2026年上半年党建工作总结", "aria-label": "总结标题" })}
        {field("period", "期间", { placeholder: "如 2026年上半年" })}
        <div>
          <span className="label">截止日期</span>
          <DateField value={meta.deadline} aria-label="截止日期" onChange={(iso) => setMeta({ ...meta, deadline: iso })} />
        </div>
        <label className="block md:col-span-3">
          <span className="label">开头段落</span>
          <textarea className="input font-serif" rows={3} value={meta.preamble} onChange={(e) => setMeta({ ...meta, preamble: e.target.value })} />
        </label>
        <label className="block md:col-span-3">
          <span className="label">审核流程</span>
          <select className="input" aria-label="审核流程" value={chainTemplateId} onChange={(e) => setChainTemplateId(e.target.value)}>
            <option value="">默认（一级审核：任一审核人通过）</option>
            {chains.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      </div>
      {(warnings.length > 0 || tables.length > 0) && (
        <div className="card border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="import-warnings">
          {tables.length > 0 && <p>识别出 {tables.length} 个表格，在正文中以「［表格N：…］」标出，创建后为可编辑的表格。</p>}
          {warnings.length > 0 && <ul className="mt-1 list-disc pl-5">{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
        </div>
      )}
      <PartsFields parts={parts} onChange={setParts} />
      <PlanEditor plan={plan} onChange={setPlan} departments={departments} />
      <PartBlanks blanks={blanks} sectionLabel={(key) => sectionLabel(plan, key)} />
      {removed.length > 0 ? (
        <details className="card p-4" open data-testid="removed-lines">
          <summary className="cursor-pointer font-semibold">已删除的广告 / 水印行（{removed.length} 行，不会进入总结）</summary>
          <ul className="mt-2 list-disc space-y-0.5 pl-6 text-sm text-slate-500">
            {removed.map((line, i) => <li key={i} className="line-through decoration-slate-300">{line}</li>)}
          </ul>
        </details>
      ) : (
        <p className="text-sm text-slate-500" data-testid="removed-lines">未发现需要删除的广告或水印行。</p>
      )}
      {error && <p role="alert" className="field-error text-sm">{error}</p>}
      <div className="flex items-center gap-2">
        <button className="btn btn-primary" onClick={create} disabled={pending}>{pending ? "正在创建…" : "创建总结"}</button>
        <button className="btn" onClick={() => setPlan(null)} disabled={pending}>重新选择来源</button>
        <span className="text-sm text-slate-500">创建后各部门即可在线编写自己的章节。</span>
      </div>
    </div>
  );
}
