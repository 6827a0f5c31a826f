"use client";

/**
 * 开始下一期 on a finalized report's dashboard (admins): a Radix dialog with the next title and
 * period prefilled (2026年上半年 → 2026年下半年, or one click for 2027年上半年), the months the
 * due dates move, and on success the new report's dashboard. The title follows the period until
 * the admin edits it.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { nextPeriod, nextTitle, samePeriodNextYear, shiftMonths } from "@/lib/reports/period";
import { rollForwardAction } from "../actions";

export function RollForwardDialog({ reportId, title, period }: { reportId: string; title: string; period: string }) {
  const router = useRouter();
  const suggestions = [...new Set([nextPeriod(period), samePeriodNextYear(period)].filter(Boolean))];
  const [open, setOpen] = useState(false);
  const [newPeriod, setNewPeriod] = useState(suggestions[0] ?? "");
  const [newTitle, setNewTitle] = useState(nextTitle(title, period, suggestions[0] ?? ""));
  const [titleEdited, setTitleEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const choosePeriod = (p: string) => {
    setNewPeriod(p);
    if (!titleEdited) setNewTitle(nextTitle(title, period, p));
  };
  const submit = () => start(async () => {
    setError(null);
    const r = await rollForwardAction({ reportId, title: newTitle, period: newPeriod });
    if (!r.ok) { setError(r.error); return; }
    setOpen(false);
    router.push(`/reports/${r.data!.reportId}`);
  });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild><button className="btn" data-testid="roll-forward">开始下一期</button></Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-16 z-50 w-[min(32rem,94vw)] -translate-x-1/2 rounded-lg bg-white p-5 shadow-xl" data-testid="roll-forward-dialog">
          <Dialog.Title className="text-base font-semibold">开始下一期</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm leading-6 text-slate-600">
            新建一份总结：沿用本期的提纲、章节分配和审核流程，各章节内容为空；撰稿时可参考本期定稿的文字（“以此为底稿”）。创建后可在“编辑大纲”中修改标题。
          </Dialog.Description>
          <form className="mt-4 space-y-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
            <label className="block text-sm">
              <span className="text-slate-700">期间</span>
              <input className="input mt-1 w-full" value={newPeriod} onChange={(e) => choosePeriod(e.target.value)} name="period" aria-label="期间" />
            </label>
            {suggestions.length > 1 && (
              <div className="flex flex-wrap gap-2 text-xs" aria-label="常用期间">
                {suggestions.map((p) => (
                  <button key={p} type="button" className={`rounded border px-2 py-0.5 ${p === newPeriod ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600"}`} onClick={() => choosePeriod(p)}>{p}</button>
                ))}
              </div>
            )}
            <label className="block text-sm">
              <span className="text-slate-700">标题</span>
              <input className="input mt-1 w-full" value={newTitle} onChange={(e) => { setNewTitle(e.target.value); setTitleEdited(true); }} name="title" aria-label="标题" />
            </label>
            <p className="text-xs text-slate-500" data-testid="roll-forward-shift">截止日期和各章节截止日期顺延 {shiftMonths(period, newPeriod)} 个月。</p>
            {error && <p role="alert" className="field-error">{error}</p>}
            <div className="flex justify-end gap-2 pt-1">
              <Dialog.Close asChild><button type="button" className="btn">取消</button></Dialog.Close>
              <button className="btn btn-primary" disabled={busy || !newTitle.trim()}>{busy ? "正在创建…" : "创建下一期"}</button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
