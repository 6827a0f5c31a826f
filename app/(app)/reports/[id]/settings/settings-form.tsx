"use client";

/**
 * The settings form: title, 主送机关, the 附件 list (add, remove, move up/down) and the 落款
 * (unit, empty = the organisation; 成文日期, empty = the finalize date). Saved in one action.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { DateField } from "@/app/_components/date-field";
import { saveReportPartsAction } from "./actions";

export interface SettingsValues { title: string; addressee: string; attachments: string[]; unit: string; date: string }

export function SettingsForm({ reportId, initial, organisation, disabled }: { reportId: string; initial: SettingsValues; organisation: string; disabled: boolean }) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [busy, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const setItem = (i: number, text: string) => setV({ ...v, attachments: v.attachments.map((a, k) => (k === i ? text : a)) });
  const move = (i: number, d: -1 | 1) => {
    const list = [...v.attachments];
    [list[i], list[i + d]] = [list[i + d], list[i]];
    setV({ ...v, attachments: list });
  };
  const save = () => start(async () => {
    const r = await saveReportPartsAction({
      reportId,
      parts: { title: v.title, addressee: v.addressee, attachments: v.attachments, signOff: { unit: v.unit, date: v.date || null } },
    });
    setMessage({ ok: r.ok, text: r.ok ? r.message ?? "已保存" : r.error });
    if (r.ok) {
      // Show what was stored: trimmed, without the 主送's final colon (printed by the layout).
      setV({ ...v, addressee: v.addressee.trim().replace(/[：:]+$/, "").trim(), attachments: v.attachments.map((a) => a.trim()) });
      router.refresh();
    }
  });

  return (
    <form className="card space-y-4 p-4" onSubmit={(e) => { e.preventDefault(); save(); }} aria-busy={busy} data-testid="settings-form">
      <fieldset disabled={disabled || busy} className="space-y-4">
        {disabled && <p className="text-sm text-amber-800">总结已定稿，重新打开后才能修改。</p>}
        <div>
          <label className="label" htmlFor="title">标题</label>
          <input id="title" className="input" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
        </div>
        <div>
          <label className="label" htmlFor="addressee">主送机关</label>
          <input id="addressee" className="input" placeholder="如：县委、县政府（没有可留空）" value={v.addressee} onChange={(e) => setV({ ...v, addressee: e.target.value })} />
          <p className="mt-1 text-xs text-slate-500">印在标题下一行，顶格，后加全角冒号。</p>
        </div>
        <div>
          <span className="label">附件说明</span>
          <ol className="space-y-2" data-testid="attachments">
            {v.attachments.map((a, i) => (
              <li key={i} className="flex items-center gap-1.5" data-testid="attachment-row">
                <span className="w-6 shrink-0 text-right text-sm text-slate-500">{i + 1}.</span>
                <input className="input min-w-0" aria-label={`附件${i + 1}名称`} value={a} onChange={(e) => setItem(i, e.target.value)} />
                <button type="button" className="btn px-2" aria-label={`上移附件${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                <button type="button" className="btn px-2" aria-label={`下移附件${i + 1}`} disabled={i === v.attachments.length - 1} onClick={() => move(i, 1)}>↓</button>
                <button type="button" className="btn btn-danger px-2" aria-label={`删除附件${i + 1}`} onClick={() => setV({ ...v, attachments: v.attachments.filter((_, k) => k !== i) })}>删除</button>
              </li>
            ))}
          </ol>
          <button type="button" className="btn mt-2" onClick={() => setV({ ...v, attachments: [...v.attachments, ""] })}>添加附件</button>
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div>
            <label className="label" htmlFor="unit">落款单位</label>
            <input id="unit" className="input" placeholder={organisation} value={v.unit} onChange={(e) => setV({ ...v, unit: e.target.value })} />
            <p className="mt-1 text-xs text-slate-500">留空则用“{organisation}”。</p>
          </div>
          <div>
            <span className="label">成文日期</span>
            <DateField aria-label="成文日期" value={v.date} onChange={(iso) => setV({ ...v, date: iso })} />
            <p className="mt-1 text-xs text-slate-500">留空则用定稿当天的日期。</p>
          </div>
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button className="btn btn-primary" disabled={disabled || busy}>保存</button>
        {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "field-error"}>{message.text}</p>}
      </div>
    </form>
  );
}
