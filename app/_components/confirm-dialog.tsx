"use client";
/**
 * The app's confirmation for destructive or irreversible actions (定稿, 删除章节, 停用账号…),
 * instead of the browser's `confirm()`: a Radix AlertDialog (focus trapped and returned, Esc and
 * 取消 close it, `role="alertdialog"` with its title and description read by screen readers).
 * The focus starts on 取消, so Enter never confirms by accident.
 *
 * Props: `trigger` — the button that opens it (rendered as is, `asChild`); `title` — the
 * question; `description` — what will happen, in the user's terms; `confirmLabel` — the verb
 * (e.g. 确认定稿); `danger` — red confirm button; `onConfirm` — called once when confirmed.
 */
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactElement, ReactNode } from "react";

export interface ConfirmDialogProps {
  trigger: ReactElement;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm(): void;
}

export function ConfirmDialog({ trigger, title, description, confirmLabel, cancelLabel = "取消", danger = false, onConfirm }: ConfirmDialogProps) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none"
          data-testid="confirm-dialog"
        >
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm leading-6 text-slate-600">{description}</AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className="btn">{cancelLabel}</AlertDialog.Cancel>
            <AlertDialog.Action className={`btn ${danger ? "border-red-600 bg-red-600 text-white hover:bg-red-700" : "btn-primary"}`} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
