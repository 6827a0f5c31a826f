"use client";

/**
 * The outline editor: each change is one server action (lib/outline commands in a
 * transaction), then the page refreshes so numbers are recomputed from the new order.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { DateField } from "@/app/_components/date-field";
import { PromptDialog } from "@/app/_components/prompt-dialog";
import { outlineCommand, type OutlineCommand } from "./actions";

export interface OutlineRow {
  id: string; parentId: string | null; level: number; number: string; title: string;
  departmentId: string; dueDate: string; headingOnly: boolean; stateLabel: string;
  /** 字数要求 (at most this many 字), or null. */
  wordLimit: number | null;
}

/** A new section's title as the server will take it, or the Chinese reason it will not. */
function titleProblem(title: string): string | null {
  if (!title) return "章节标题不能为空";
  return title.length > 300 ? "章节标题过长（最多 300 字）" : null;
}

/** The 字数要求 field: "" (none) or a whole number 1..100 000; else the reason (Chinese). */
function parseWordLimit(raw: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = raw.trim();
  if (!t) return { ok: true, value: null };
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100_000) return { ok: false, error: "字数要求应为 1 到 100000 之间的整数，留空表示不限" };
  return { ok: true, value: Number(t) };
}

/** What deleting a section destroys, said before it happens. */
function deleteWarning(children: number): string {
  return `${children ? `它下面的 ${children} 个子章节会一起删除，` : ""}各部门已写的内容、审核记录和历史版本会一并删除，不能恢复；其后的章节重新编号。`;
}

type Cmd = OutlineCommand extends infer C ? (C extends { reportId: string } ? Omit<C, "reportId"> : never) : never;

export function OutlineEditor({ reportId, sections, departments, locked }: {
  reportId: string; sections: OutlineRow[]; departments: { id: string; name: string }[]; locked: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState("");

  const run = (command: Cmd, after?: () => void) => {
    setError(null);
    start(async () => {
      const result = await outlineCommand({ ...command, reportId } as OutlineCommand);
      if (!result.ok) setError(result.error);
      else {
        after?.();
        router.refresh();
      }
    });
  };
  const disabled = pending || locked;
  const siblings = (s: OutlineRow) => sections.filter((x) => x.parentId === s.parentId);

  return (
    <div className="space-y-3" aria-busy={pending}>
      {error && <p role="alert" className="card border-red-200 bg-red-50 p-2 text-sm text-red-700">{error}</p>}
      <div className="card overflow-hidden">
        <table className="table">
          <thead><tr><th className="w-[40%]">章节</th><th>部门</th><th>截止日期</th><th className="whitespace-nowrap">字数要求</th><th className="whitespace-nowrap">状态</th><th>调整</th></tr></thead>
          <tbody>
            {sections.map((s) => {
              const sib = siblings(s);
              const idx = sib.findIndex((x) => x.id === s.id);
              return (
                <tr key={s.id} data-testid="outline-row">
                  <td>
                    <form className="flex items-center gap-1" style={{ paddingLeft: `${(s.level - 1) * 20}px` }}
                      onSubmit={(e) => { e.preventDefault(); const t = new FormData(e.currentTarget).get("title"); if (t !== s.title) run({ op: "rename", sectionId: s.id, title: String(t) }); }}>
                      <span className="w-12 shrink-0 text-right font-serif text-slate-600" data-testid="outline-number">{s.number}</span>
                      <input name="title" key={s.title} defaultValue={s.title} className="input" aria-label={`${s.number}标题`} disabled={disabled}
                        onBlur={(e) => e.currentTarget.form?.requestSubmit()} />
                    </form>
                  </td>
                  <td>
                    <select className="input w-36" value={s.departmentId} disabled={disabled} aria-label={`${s.number}${s.title}部门`}
                      onChange={(e) => run({ op: "assign", sectionId: s.id, departmentId: e.target.value })}>
                      <option value="">{s.headingOnly ? "（分组标题）" : "未分配"}</option>
                      {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                    </select>
                  </td>
                  <td>
                    <DateField className="w-44" value={s.dueDate} disabled={disabled} aria-label={`${s.number}截止日期`}
                      onChange={(iso) => run({ op: "assign", sectionId: s.id, dueDate: iso })} />
                  </td>
                  <td>
                    {!s.headingOnly && (
                      <label className="flex items-center gap-1 whitespace-nowrap text-xs text-slate-600">
                        不超过
                        <input className="input w-20" inputMode="numeric" key={`${s.id}:${s.wordLimit ?? ""}`} defaultValue={s.wordLimit ?? ""} placeholder="不限"
                          aria-label={`${s.number}字数要求`} disabled={disabled} data-testid="word-limit-input"
                          onBlur={(e) => {
                            const parsed = parseWordLimit(e.currentTarget.value);
                            if (!parsed.ok) { setError(parsed.error); return; }
                            if (parsed.value !== s.wordLimit) run({ op: "assign", sectionId: s.id, wordLimit: parsed.value });
                          }}
                          onKeyDown={(e) => { if (e.key === "Enter") e.currentTarget.blur(); }} />
                        字
                      </label>
                    )}
                  </td>
                  <td className="whitespace-nowrap text-xs text-slate-500">{s.stateLabel}</td>
                  <td className="whitespace-nowrap">
                    <button className="btn px-1.5" title="上移" aria-label={`上移${s.title}`} disabled={disabled || idx === 0} onClick={() => run({ op: "move", sectionId: s.id, direction: "up" })}>↑</button>
                    <button className="btn ml-1 px-1.5" title="下移" aria-label={`下移${s.title}`} disabled={disabled || idx === sib.length - 1} onClick={() => run({ op: "move", sectionId: s.id, direction: "down" })}>↓</button>
                    <button className="btn ml-1 px-1.5" title="升级（左移）" aria-label={`升级${s.title}`} disabled={disabled || s.level === 1} onClick={() => run({ op: "outdent", sectionId: s.id })}>←</button>
                    <button className="btn ml-1 px-1.5" title="降级（右移）" aria-label={`降级${s.title}`} disabled={disabled || idx === 0 || s.level >= 4} onClick={() => run({ op: "indent", sectionId: s.id })}>→</button>
                    <PromptDialog
                      trigger={<button className="btn ml-1 px-1.5 text-xs" title="添加下级章节" aria-label={`在${s.title}下添加章节`} disabled={disabled || s.level >= 4}>+下级</button>}
                      title={`在「${s.number}${s.title}」下添加章节`}
                      description="新章节排在它现有下级章节的最后，编号自动生成，标题不用写编号。"
                      label="章节标题" placeholder="例如 加强基层组织建设" confirmLabel="添加"
                      validate={titleProblem}
                      onSubmit={(title) => run({ op: "add", title, parentId: s.id })}
                    />
                    <ConfirmDialog
                      trigger={<button className="btn btn-danger ml-1 px-1.5 text-xs" aria-label={`删除${s.title}`} disabled={disabled}>删除</button>}
                      title={`删除「${s.number}${s.title}」？`}
                      description={deleteWarning(sections.filter((x) => x.parentId === s.id).length)}
                      confirmLabel="删除章节"
                      danger
                      onConfirm={() => run({ op: "delete", sectionId: s.id })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form className="flex items-center gap-2" onSubmit={(e) => { e.preventDefault(); run({ op: "add", title: newTitle, parentId: null }, () => setNewTitle("")); }}>
        <input className="input w-80" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} placeholder="新的一级章节标题，如 下半年工作安排" aria-label="新的一级章节标题" disabled={disabled} />
        <button className="btn btn-primary" disabled={disabled || !newTitle.trim()}>添加一级章节</button>
        {pending && <span className="text-sm text-slate-500">正在保存…</span>}
      </form>
    </div>
  );
}
