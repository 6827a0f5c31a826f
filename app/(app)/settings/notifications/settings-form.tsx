"use client";
/**
 * The form of 通知设置: e-mail address and mode, then a table of kinds × channels (站内 / 邮件).
 * Saved as a whole through the server action; errors are shown next to their field.
 */
import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/_server/action";
import type { NotificationKind } from "@/lib/notify/kinds";
import type { NotificationSettings } from "@/lib/notify/update-settings";
import { saveNotificationSettingsAction } from "./actions";

const CHANNELS = [{ key: "app", label: "站内" }, { key: "email", label: "邮件" }] as const;

export function SettingsForm({ initial, labels }: { initial: NotificationSettings; labels: Record<NotificationKind, string> }) {
  const [email, setEmail] = useState(initial.email);
  const [emailMode, setEmailMode] = useState(initial.emailMode);
  const [prefs, setPrefs] = useState(initial.prefs);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const kinds = Object.keys(labels) as NotificationKind[];
  const toggle = (k: NotificationKind, c: "app" | "email") => setPrefs((p) => ({ ...p, [k]: { ...p[k], [c]: !p[k][c] } }));
  const save = () => start(async () => setResult(await saveNotificationSettingsAction({ email, emailMode, prefs })));
  const fieldError = (f: string) => (result && !result.ok && result.field === f ? result.error : null);

  return (
    <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <section className="card space-y-3 p-4">
        <h2 className="text-sm font-semibold text-slate-700">邮件</h2>
        <label className="block text-sm">
          <span className="text-slate-600">邮箱地址</span>
          <input type="email" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm md:w-80" value={email}
            onChange={(e) => setEmail(e.target.value)} placeholder="例如 name@example.cn（留空则不发邮件）" data-testid="settings-email" aria-invalid={!!fieldError("email")} />
          {fieldError("email") && <span className="mt-1 block text-xs text-red-600" role="alert" data-testid="settings-email-error">{fieldError("email")}</span>}
        </label>
        <fieldset className="text-sm">
          <legend className="text-slate-600">发送方式</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {([["immediate", "即时（每条通知一封）"], ["digest", "每日汇总（每天一封）"]] as const).map(([v, l]) => (
              <label key={v} className="flex items-center gap-1.5">
                <input type="radio" name="emailMode" value={v} checked={emailMode === v} onChange={() => setEmailMode(v)} data-testid={`settings-mode-${v}`} />
                {l}
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <section className="card overflow-hidden">
        <table className="w-full text-sm" data-testid="settings-kinds">
          <thead className="bg-slate-50 text-left text-xs text-slate-500">
            <tr><th className="px-4 py-2 font-medium">通知类型</th>{CHANNELS.map((c) => <th key={c.key} className="w-16 px-2 py-2 text-center font-medium">{c.label}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {kinds.map((k) => (
              <tr key={k}>
                <td className="px-4 py-2">{labels[k]}</td>
                {CHANNELS.map((c) => (
                  <td key={c.key} className="px-2 py-2 text-center">
                    <input type="checkbox" className="h-4 w-4" checked={prefs[k][c.key]} onChange={() => toggle(k, c.key)}
                      aria-label={`${labels[k]}：${c.label}`} data-testid={`pref-${k}-${c.key}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="settings-save">{pending ? "保存中…" : "保存设置"}</button>
        {result?.ok && <span className="text-sm text-emerald-700" role="status" data-testid="settings-saved">{result.message}</span>}
        {result && !result.ok && !result.field && <span className="text-sm text-red-600" role="alert">{result.error}</span>}
      </div>
    </form>
  );
}
