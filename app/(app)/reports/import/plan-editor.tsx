"use client";

/**
 * The recognised outline as an editable table: live numbers, level arrows, merge / split /
 * delete, department and due date per section, and "assign all to".
 */
import { useState } from "react";
import {
  assignAll, canShift, flatNumbers, isGroupingHeading, mergeIntoPrevious, placeholderCount, removeSection,
  shiftLevel, splitAtParagraph, updateSection, type PlanSection,
} from "@/lib/reports/import-plan";
import { DateField } from "@/app/_components/date-field";
import { countWords } from "@/lib/text/word-count";
import type { Dept } from "./import-wizard";

export function PlanEditor({ plan, onChange, departments }: { plan: PlanSection[]; onChange: (p: PlanSection[]) => void; departments: Dept[] }) {
  const [all, setAll] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const numbers = flatNumbers(plan.map((s) => s.level));
  const total = plan.reduce((n, s) => n + placeholderCount(s), 0);

  return (
    <div className="card overflow-hidden">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <span className="font-semibold">识别出的提纲：{plan.length} 个章节</span>
        {total > 0 && <span className="badge bg-amber-100 text-amber-800">待补充占位符 {total} 处</span>}
        <span className="ml-auto">全部分配给</span>
        <select className="input w-40" value={all} onChange={(e) => setAll(e.target.value)} aria-label="全部分配给">
          <option value="">选择部门…</option>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
        <button type="button" className="btn" disabled={!all} onClick={() => onChange(assignAll(plan, all))}>应用</button>
      </div>
      <table className="table">
        <thead>
          <tr><th className="w-[46%]">章节（编号自动生成）</th><th>层级</th><th>部门</th><th>截止</th><th>操作</th></tr>
        </thead>
        <tbody>
          {plan.map((s, i) => {
            const count = placeholderCount(s);
            const paragraphs = s.body ? s.body.split("\n") : [];
            return (
              <tr key={s.key} data-testid="plan-row" className={s.level === 1 ? "bg-slate-50/60" : ""}>
                <td>
                  <div className="flex items-center gap-1" style={{ paddingLeft: `${(s.level - 1) * 18}px` }}>
                    <span className="shrink-0 font-serif text-slate-600" data-testid="plan-number">{numbers[i]}</span>
                    <input className="input" value={s.title} aria-label={`第${i + 1}节标题`} onChange={(e) => onChange(updateSection(plan, i, { title: e.target.value }))} />
                  </div>
                  <div className="mt-1 flex items-center gap-2 text-xs text-slate-500" style={{ paddingLeft: `${(s.level - 1) * 18}px` }}>
                    {paragraphs.length > 0 ? (
                      <button type="button" className="hover:text-brand-700" onClick={() => setOpen(open === s.key ? null : s.key)}>
                        正文 {countWords(s.body)} 字{open === s.key ? " ▲" : " ▼"}
                      </button>
                    ) : <span>{isGroupingHeading(plan, i) ? "分组标题（无正文，不需审核）" : "无正文"}</span>}
                    {count > 0 && <span className="badge bg-amber-100 text-amber-800" data-testid="plan-placeholders">占位符 {count}</span>}
                  </div>
                  {open === s.key && (
                    <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 font-serif text-sm text-slate-700">
                      {paragraphs.map((p, j) => (
                        <li key={j} className="group flex gap-2">
                          <span className="flex-1">{p}</span>
                          <button type="button" className="btn shrink-0 self-start px-1.5 py-0 text-xs" title="从这一段起拆成新的章节，这一段作为标题"
                            onClick={() => { onChange(splitAtParagraph(plan, i, j)); setOpen(null); }}>拆为新章节</button>
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td className="whitespace-nowrap">
                  <button type="button" className="btn px-1.5" aria-label="升级" title="升一级（左移）" disabled={!canShift(plan, i, -1)} onClick={() => onChange(shiftLevel(plan, i, -1))}>←</button>
                  <button type="button" className="btn ml-1 px-1.5" aria-label="降级" title="降一级（右移）" disabled={!canShift(plan, i, 1)} onClick={() => onChange(shiftLevel(plan, i, 1))}>→</button>
                </td>
                <td>
                  <select className="input w-36" value={s.departmentId} aria-label={`第${i + 1}节部门`} onChange={(e) => onChange(updateSection(plan, i, { departmentId: e.target.value }))}>
                    <option value="">{isGroupingHeading(plan, i) ? "（分组标题）" : "未分配"}</option>
                    {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                  </select>
                </td>
                <td><DateField className="w-44" value={s.dueDate} aria-label={`第${i + 1}节截止日期`} onChange={(iso) => onChange(updateSection(plan, i, { dueDate: iso }))} /></td>
                <td className="whitespace-nowrap">
                  <button type="button" className="btn px-2 text-xs" disabled={i === 0} title="把本节标题和正文并入上一节的正文" onClick={() => onChange(mergeIntoPrevious(plan, i))}>并入上节</button>
                  <button type="button" className="btn btn-danger ml-1 px-2 text-xs" aria-label={`删除第${i + 1}节`} onClick={() => onChange(removeSection(plan, i))}>删除</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
