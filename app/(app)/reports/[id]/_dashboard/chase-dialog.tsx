"use client";

/**
 * The 催报 button with its Radix dialog (an optional note, 发送催报): for one department
 * (`departmentId`) or every overdue one. Disabled until `blockedUntil` passes (it re-enables by
 * itself then); a refusal from the server (e.g. chased meanwhile from another window) is shown
 * in the dialog.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { chaseAction } from "./chase-action";

export function ChaseDialog({
  reportId, departmentId, target, label, blockedUntil, blockedReason, disabled = false,
}: {
  reportId: string;
  departmentId?: string;
  /** Who is chased, for the dialog title: "人力资源部" / "全部逾期部门（3 个）". */
  target: string;
  label: string;
  /** ISO instant until which the button is disabled (rate limit), or null. */
  blockedUntil: string | null;
  /** Tooltip while blocked, e.g. "1 小时内已催报过，可于 15:05 后再催". */
  blockedReason?: string;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [blocked, setBlocked] = useState(() => !!blockedUntil && Date.parse(blockedUntil) > Date.now());
  useEffect(() => {
    const wait = blockedUntil ? Date.parse(blockedUntil) - Date.now() : 0;
    setBlocked(wait > 0);
    if (wait <= 0) return;
    const t = setTimeout(() => setBlocked(false), Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [blockedUntil]);

  const send = () => start(async () => {
    setError(null);
    const r = await chaseAction({ reportId, departmentId, note });
    if (!r.ok) {
      setError(r.error);
      // e.g. chased meanwhile from another window: show who did, and disable the button.
      return router.refresh();
    }
    setOpen(false);
    setNote("");
    router.refresh();
  });

  return (
    <Dialog.Root open={open} onOpenChange={(o) => { setOpen(o); setError(null); }}>
      <Dialog.Trigger asChild>
        <button className={departmentId ? "btn px-2 py-1 text-xs" : "btn btn-primary"} disabled={disabled || blocked} title={blocked ? blockedReason : undefined} data-testid={departmentId ? "chase-button" : "chase-all"}>
          {label}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl" data-testid="chase-dialog">
          <Dialog.Title className="text-base font-semibold text-slate-900">催报：{target}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            将通知部门撰稿人和部门负责人尽快完成未通过的章节。同一部门 1 小时内只能催报一次。
          </Dialog.Description>
          <label className="mt-3 block text-sm">
            <span className="text-slate-600">留言（可选）</span>
            <textarea className="input mt-1 h-24 w-full" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="例如：请于本周五前提交" data-testid="chase-note" />
          </label>
          {error && <p className="mt-2 text-sm text-red-700" role="alert" data-testid="chase-error">{error}</p>}
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close className="btn">取消</Dialog.Close>
            <button className="btn btn-primary" onClick={send} disabled={pending} data-testid="chase-send">{pending ? "发送中…" : "发送催报"}</button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
