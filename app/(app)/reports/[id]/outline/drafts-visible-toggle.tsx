"use client";

/** The checkbox 各部门可查看全文草稿 of a report (admins), saved at once. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setDraftsVisibleAction } from "./settings-actions";

export function DraftsVisibleToggle({ reportId, visible, disabled }: { reportId: string; visible: boolean; disabled?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [on, setOn] = useState(visible); // shown at once; put back when the server refuses
  return (
    <div className="card flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm" data-testid="drafts-visible">
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" checked={on} disabled={disabled || pending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setOn(next);
            start(async () => {
              const r = await setDraftsVisibleAction({ reportId, visible: next });
              if (!r.ok) setOn(!next);
              setMessage(r.ok ? { ok: true, text: r.message ?? "" } : { ok: false, text: r.error });
              router.refresh();
            });
          }} />
        各部门可查看全文草稿
      </label>
      <span className="text-xs text-slate-500">开启后，各部门撰稿人可以阅读其他部门的章节和全文预览（只读，不能修改或批注）。</span>
      {message && <span role={message.ok ? "status" : "alert"} className={`text-xs ${message.ok ? "text-green-700" : "text-red-700"}`}>{message.text}</span>}
    </div>
  );
}
