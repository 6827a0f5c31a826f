"use client";

/**
 * Edits a review chain: a name and an ordered list of stages (name, 或签/会签, approver rules:
 * the section's department lead, a department's reviewers, a role, named accounts). Used in
 * the template dialog and on a report's chain page; `onSave` gets the chain as the API takes it.
 */
import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/_server/action";
import { STAGE_MODE_LABELS } from "@/lib/workflow/chain-labels";

export interface EditableStage {
  name: string;
  mode: "any" | "all";
  approvers: { users?: string[]; departmentLead?: true; department?: string; role?: "editor" | "reviewer" | "admin" };
}

const ROLE_OPTIONS = [["", "（不按角色）"], ["reviewer", "审核人（含管理员）"], ["admin", "管理员"]] as const;

export function ChainEditor({
  initialName, initialStages, departments, onSave, nameLabel = "流程名称", submitLabel = "保存",
}: {
  initialName: string;
  initialStages: EditableStage[];
  departments: string[];
  onSave: (name: string, stages: EditableStage[]) => Promise<ActionResult>;
  nameLabel?: string;
  submitLabel?: string;
}) {
  const [name, setName] = useState(initialName);
  const [stages, setStages] = useState<EditableStage[]>(initialStages.length ? initialStages : [{ name: "", mode: "any", approvers: {} }]);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const update = (i: number, patch: Partial<EditableStage>) => setStages((all) => all.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const rules = (i: number, patch: Partial<EditableStage["approvers"]>) =>
    setStages((all) => all.map((s, k) => {
      if (k !== i) return s;
      const a = { ...s.approvers, ...patch };
      for (const key of Object.keys(a) as (keyof typeof a)[]) if (a[key] === undefined || a[key] === "" || (Array.isArray(a[key]) && !a[key].length)) delete a[key];
      return { ...s, approvers: a };
    }));
  const move = (i: number, d: -1 | 1) => setStages((all) => {
    const next = [...all];
    const j = i + d;
    if (j < 0 || j >= next.length) return all;
    [next[i], next[j]] = [next[j], next[i]];
    return next;
  });

  return (
    <form
      className="space-y-3"
      data-testid="chain-editor"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => setResult(await onSave(name, stages)));
      }}
    >
      <div>
        <label className="label" htmlFor="chain-name">{nameLabel}</label>
        <input id="chain-name" className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <ol className="space-y-2">
        {stages.map((s, i) => (
          <li key={i} className="rounded border border-slate-200 p-3" data-testid="stage-editor">
            <div className="flex flex-wrap items-end gap-2">
              <span className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-700 text-xs text-white">{i + 1}</span>
              <div className="grow">
                <label className="label" htmlFor={`stage-${i}-name`}>环节名称</label>
                <input id={`stage-${i}-name`} className="input" value={s.name} placeholder="如：部门负责人审核" onChange={(e) => update(i, { name: e.target.value })} />
              </div>
              <div>
                <label className="label" htmlFor={`stage-${i}-mode`}>方式</label>
                <select id={`stage-${i}-mode`} className="input" value={s.mode} onChange={(e) => update(i, { mode: e.target.value as EditableStage["mode"] })}>
                  <option value="any">{STAGE_MODE_LABELS.any}</option>
                  <option value="all">{STAGE_MODE_LABELS.all}</option>
                </select>
              </div>
              <button type="button" className="btn" aria-label={`上移第${i + 1}环节`} onClick={() => move(i, -1)}>↑</button>
              <button type="button" className="btn" aria-label={`下移第${i + 1}环节`} onClick={() => move(i, 1)}>↓</button>
              <button type="button" className="btn" aria-label={`删除第${i + 1}环节`} onClick={() => setStages((all) => all.filter((_, k) => k !== i))}>删除</button>
            </div>
            <div className="mt-2 grid grid-cols-2 gap-2 text-sm lg:grid-cols-4">
              <label className="flex items-center gap-1">
                <input type="checkbox" checked={!!s.approvers.departmentLead} onChange={(e) => rules(i, { departmentLead: e.target.checked ? true : undefined })} />
                本部门负责人
              </label>
              <select className="input" aria-label={`第${i + 1}环节部门审核人`} value={s.approvers.department ?? ""} onChange={(e) => rules(i, { department: e.target.value || undefined })}>
                <option value="">（不按部门）</option>
                {departments.map((d) => <option key={d} value={d}>{d}的审核人</option>)}
              </select>
              <select className="input" aria-label={`第${i + 1}环节角色`} value={s.approvers.role ?? ""} onChange={(e) => rules(i, { role: (e.target.value || undefined) as EditableStage["approvers"]["role"] })}>
                {ROLE_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
              <input
                className="input" aria-label={`第${i + 1}环节指定账号`} placeholder="指定账号（用户名，逗号分隔）"
                defaultValue={s.approvers.users?.join(", ") ?? ""}
                onChange={(e) => rules(i, { users: e.target.value.split(/[,，\s]+/).filter(Boolean) })}
              />
            </div>
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <button type="button" className="btn" onClick={() => setStages((all) => [...all, { name: "", mode: "any", approvers: {} }])}>＋ 添加环节</button>
        <button className="btn btn-primary ml-auto" disabled={pending}>{pending ? "保存中…" : submitLabel}</button>
      </div>
      {result && !result.ok && <p role="alert" className="field-error">{result.error}</p>}
      {result?.ok && result.message && <p role="status" className="text-xs text-green-700">{result.message}</p>}
    </form>
  );
}
