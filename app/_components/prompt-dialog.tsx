"use client";
/**
 * The app's one-field question (e.g. "+下级": the new section's title), instead of the browser's
 * `prompt()`: a Radix Dialog with a labelled text field, Chinese validation messages shown under
 * the field (never the browser's own "Please fill out this field."), Esc and 取消 close it, the
 * focus starts in the field and returns to the trigger.
 *
 * Props: `trigger` — the button that opens it (`asChild`); `title`; `description` (optional);
 * `label` — the field's label; `placeholder`; `confirmLabel` — the verb (e.g. 添加);
 * `validate(value)` — a Chinese message when the trimmed value is not acceptable, else null
 * (default: required); `onSubmit(value)` — called with the trimmed value.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { useState, type ReactElement } from "react";

export interface PromptDialogProps {
  trigger: ReactElement;
  title: string;
  description?: string;
  label: string;
  placeholder?: string;
  confirmLabel: string;
  initialValue?: string;
  validate?(value: string): string | null;
  onSubmit(value: string): void;
}

const required = (v: string) => (v ? null : "请填写内容");

export function PromptDialog({ trigger, title, description, label, placeholder, confirmLabel, initialValue = "", validate = required, onSubmit }: PromptDialogProps) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);
  const change = (next: boolean) => {
    setOpen(next);
    if (next) { setValue(initialValue); setError(null); }
  };
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none"
          data-testid="prompt-dialog"
        >
          <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
          {description ? <Dialog.Description className="mt-1 text-sm text-slate-600">{description}</Dialog.Description> : <Dialog.Description className="sr-only">{label}</Dialog.Description>}
          <form
            noValidate
            className="mt-4 space-y-1"
            onSubmit={(e) => {
              e.preventDefault();
              const v = value.trim();
              const problem = validate(v);
              if (problem) { setError(problem); return; }
              setOpen(false);
              onSubmit(v);
            }}
          >
            <label className="block text-sm text-slate-700" htmlFor="prompt-dialog-field">{label}</label>
            <input
              id="prompt-dialog-field" className="input w-full" value={value} placeholder={placeholder} autoFocus
              aria-invalid={!!error} aria-describedby={error ? "prompt-dialog-error" : undefined}
              onChange={(e) => { setValue(e.target.value); setError(null); }}
            />
            {error && <p id="prompt-dialog-error" role="alert" className="field-error">{error}</p>}
            <div className="flex justify-end gap-2 pt-4">
              <Dialog.Close asChild><button type="button" className="btn">取消</button></Dialog.Close>
              <button type="submit" className="btn btn-primary">{confirmLabel}</button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
