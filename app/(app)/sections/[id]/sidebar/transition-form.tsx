"use client";

/**
 * One review event as a form: hidden section id, event and the version the user saw
 * (optimistic concurrency), an optional comment box, the button, and the server's answer
 * (e.g. the placeholder refusal) right below. Refreshes the page on success.
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ReviewEvent } from "@/lib/review/state-machine";
import { transitionAction } from "../../actions";

export function TransitionForm({
  sectionId, event, version, label, primary = false, comment,
}: {
  sectionId: string;
  event: ReviewEvent;
  version: number;
  label: string;
  primary?: boolean;
  /** Shows a comment box with this label (required for request_changes / reopen). */
  comment?: { label: string; placeholder?: string };
}) {
  const router = useRouter();
  const [result, action, pending] = useActionState(transitionAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const id = `comment-${event}`;
  return (
    <form action={action} className="space-y-2" data-testid={`transition-${event}`} noValidate>
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="version" value={version} />
      {comment && (
        <div>
          <label className="label" htmlFor={id}>{comment.label}</label>
          <textarea id={id} name="comment" rows={3} className="input" placeholder={comment.placeholder} />
        </div>
      )}
      <button className={`btn w-full ${primary ? "btn-primary" : ""}`} disabled={pending}>
        {pending ? "处理中…" : label}
      </button>
      {result && !result.ok && <p role="alert" className="field-error text-sm">{result.error}</p>}
      {result?.ok && result.message && <p role="status" className="text-xs text-green-700">{result.message}</p>}
    </form>
  );
}
