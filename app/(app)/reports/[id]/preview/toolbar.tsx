"use client";

/**
 * The admin's actions on the preview page: 定稿 (disabled with the reason while sections are
 * not approved), exports (draft → 征求意见稿) with the print options (clean 征求意见稿: the mark
 * once under the title; level-3 headings bold), the list of finals, and 重新打开 with a reason.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { finalizeAction, reopenAction } from "./actions";
import { markPartPlaceholderAction } from "../settings/actions";

export interface FinalRow { number: number; createdAt: string; createdByName: string | null }
/** A blank that refuses 定稿: where (part, section), the blank and its quoted context, its key for 有意保留. */
export interface BlankRow { key: string; where: string; text: string; context: string }

const FORMATS = [["docx", "Word"], ["md", "Markdown"], ["html", "HTML"]] as const;

export function Toolbar({ reportId, version, finalized, pending, blanks, finals }: {
  reportId: string; version: number; finalized: boolean; pending: string[]; blanks: BlankRow[]; finals: FinalRow[];
}) {
  const router = useRouter();
  const [busy, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState("");
  const [cleanDraft, setCleanDraft] = useState(false);
  const [boldLevel3, setBoldLevel3] = useState(false);
  // The same query parameters as GET /api/reports/<id>/export documents.
  const exportUrl = (format: string, final?: number) =>
    `/api/reports/${reportId}/export?format=${format}${final ? `&final=${final}` : ""}${cleanDraft && !finalized && !final ? "&cleanDraft=1" : ""}${boldLevel3 ? "&boldLevel3=1" : ""}`;

  // A success of 定稿 shows in the panel itself (已定稿（第N版）), so only errors and reopen speak.
  const act = (fn: () => Promise<{ ok: boolean; error?: string; message?: string }>, announce: boolean) =>
    start(async () => {
      const r = await fn();
      setMessage(r.ok && !announce ? null : { ok: r.ok, text: (r.ok ? r.message : r.error) ?? "" });
      if (r.ok) { setReason(""); router.refresh(); }
    });

  return (
    <aside className="space-y-4 text-sm lg:sticky lg:top-4" aria-busy={busy}>
      <div className="card space-y-2 p-4">
        <h2 className="font-semibold">定稿</h2>
        {finalized ? (
          <p className="text-green-700">已定稿（第{finals[0]?.number}版）。</p>
        ) : (
          <>
            <ConfirmDialog
              trigger={<button className="btn btn-primary w-full" disabled={busy || pending.length > 0 || blanks.length > 0}>定稿</button>}
              title="确定定稿吗？"
              description="定稿后，所有章节按已通过的文字合成正式文本（新的一版定稿），各章节不能再修改；如需修改，管理员可在本页「重新打开」。"
              confirmLabel="确认定稿"
              onConfirm={() => act(() => finalizeAction({ reportId, version }), false)}
            />
            {blanks.length > 0 && (
              <div className="text-xs text-amber-900" data-testid="finalize-blanks" role="alert">
                <p className="font-medium">还有 {blanks.length} 处待补充内容，不能定稿：</p>
                <ul className="mt-1 space-y-1.5">
                  {blanks.map((b) => (
                    <li key={b.key} className="rounded bg-amber-50 px-2 py-1" data-testid="finalize-blank">
                      <span className="font-medium">{b.where}</span>：“{b.context}”
                      <span className="ml-1 text-amber-700">（{b.text.trim() ? b.text : "空格"}）</span>
                      <button type="button" className="ml-1 text-brand-700 hover:underline" disabled={busy}
                        onClick={() => act(() => markPartPlaceholderAction({ reportId, key: b.key, intended: true }), true)}>
                        标记为有意保留
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {pending.length > 0 && (
              <div className="text-xs text-amber-800" data-testid="finalize-blocked">
                还有 {pending.length} 个章节未通过审核，暂不能定稿：
                <ul className="mt-1 list-disc pl-4">{pending.slice(0, 8).map((p) => <li key={p}>{p}</li>)}{pending.length > 8 && <li>……</li>}</ul>
              </div>
            )}
          </>
        )}
        {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-700" : "field-error"}>{message.text}</p>}
      </div>
      <div className="card space-y-2 p-4">
        <h2 className="font-semibold">导出{finalized ? "定稿" : "（征求意见稿）"}</h2>
        <div className="flex flex-wrap gap-2">
          {FORMATS.map(([f, label]) => <a key={f} className="btn" href={exportUrl(f)} download>导出 {label}</a>)}
        </div>
        <fieldset className="space-y-1 pt-1 text-xs text-slate-600" aria-label="导出选项">
          {!finalized && (
            <label className="flex items-start gap-1.5">
              <input type="checkbox" className="mt-0.5" checked={cleanDraft} onChange={(e) => setCleanDraft(e.target.checked)} />
              <span>简洁征求意见稿（只在标题下标注“征求意见稿”，不标未审定章节）</span>
            </label>
          )}
          <label className="flex items-start gap-1.5">
            <input type="checkbox" className="mt-0.5" checked={boldLevel3} onChange={(e) => setBoldLevel3(e.target.checked)} />
            <span>三级标题加粗（GB/T 9704 默认不加粗）</span>
          </label>
        </fieldset>
      </div>
      <div className="card space-y-2 p-4">
        <h2 className="font-semibold">历次定稿</h2>
        {finals.length === 0 && <p className="text-slate-500">尚未定稿</p>}
        <ul className="space-y-1.5" data-testid="finals">
          {finals.map((f) => (
            <li key={f.number} className="flex flex-wrap items-center gap-x-2">
              <span className="font-medium">第{f.number}版</span>
              <span className="text-xs text-slate-500">{f.createdAt}{f.createdByName ? ` · ${f.createdByName}` : ""}</span>
              <span className="ml-auto flex gap-1.5">
                {FORMATS.map(([fmt, label]) => <a key={fmt} className="text-brand-700 hover:underline" href={exportUrl(fmt, f.number)} download>{label}</a>)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {finalized && (
        <form className="card space-y-2 p-4" onSubmit={(e) => { e.preventDefault(); act(() => reopenAction({ reportId, version, reason }), true); }}>
          <h2 className="font-semibold">重新打开</h2>
          <p className="text-xs text-slate-500">重新打开后可再次修改、审核和定稿；已有定稿保留可下载。</p>
          <textarea className="input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="原因（必填）" aria-label="重新打开原因" />
          <button className="btn w-full" disabled={busy || !reason.trim()}>重新打开</button>
        </form>
      )}
    </aside>
  );
}
