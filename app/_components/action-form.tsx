"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/app/_server/action";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * A form bound to a server action with `useActionState`. Children receive the result so a
 * field can show its own error (`fieldError("name")`).
 */
export function ActionForm({
  action, className, children, resetOnSuccess = false,
}: {
  action: Action;
  className?: string;
  resetOnSuccess?: boolean;
  children: (state: { pending: boolean; fieldError: (name: string) => string | undefined; result: ActionResult | null }) => React.ReactNode;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const fieldError = (name: string) => (result && !result.ok && result.field === name ? result.error : undefined);
  return (
    <form
      // Submitting through onSubmit (not `action=`) keeps what the user typed when the server
      // refuses it: React resets uncontrolled fields after a form action.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className}
      key={resetOnSuccess && result?.ok ? Math.random() : undefined}
      noValidate
    >
      {children({ pending, fieldError, result })}
      {result && !result.ok && !result.field && <p role="alert" className="field-error">{result.error}</p>}
      {result?.ok && result.message && <p role="status" className="mt-1 text-xs text-green-700">{result.message}</p>}
    </form>
  );
}

/** A field's error line, or nothing. */
export function FieldError({ message }: { message?: string }) {
  return message ? <p className="field-error" role="alert">{message}</p> : null;
}
