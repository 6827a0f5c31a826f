"use client";

/**
 * One review event as a form: hidden section id, event and the version the user saw
 * (optimistic concurrency), an optional comment box, an optional "return to the previous
 * stage" checkbox, an optional delegate picker, the button (label from the one vocabulary),
 * and the server's answer (e.g. the placeholder refusal) right below. Refreshes the page on
 * success.
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { EVENT_META, type ReviewEvent } from "@/lib/workflow/vocabulary";
import { transitionAction } from "../../actions";

export function TransitionForm({
  sectionId, event, version, label, primary, comment, returnTo, delegates,
}: {
  sectionId: string;
  event: ReviewEvent;
  version: number;
  /** Button label (default: the event's label). */
  label?: string;
  primary?: boolean;
  /** Shows a comment box with this label (required for request_changes / reopen). */
  comment?: { label: string; placeholder?: string };
  /** request_changes at a later stage: offers returning to this previous stage. */
  returnTo?: string | null;
  /** delegate: accounts the approval may be handed to. */
  delegates?: { username: string; name: string }[];
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
      {delegates && (
        <div>
          <label className="label" htmlFor={`to-${event}`}>转交给</label>
          <select id={`to-${event}`} name="to" className="input" defaultValue="">
            <option value="" disabled>请选择</option>
            {delegates.map((d) => <option key={d.username} value={d.username}>{d.name}（{d.username}）</option>)}
          </select>
        </div>
      )}
      {comment && (
        <div>
          <label className="label" htmlFor={id}>{comment.label}</label>
          <textarea id={id} name="comment" rows={3} className="input" placeholder={comment.placeholder} />
        </div>
      )}
      {returnTo && (
        <label className="flex items-center gap-2 text-xs text-slate-600">
          <input type="checkbox" name="returnToPrevious" /> 退回上一环节「{returnTo}」重新审核（不退给撰稿人）
        </label>
      )}
      <button className={`btn w-full ${(primary ?? EVENT_META[event].primary) ? "btn-primary" : ""}`} disabled={pending}>
        {pending ? "处理中…" : label ?? EVENT_META[event].label}
      </button>
      {result && !result.ok && <p role="alert" className="field-error text-sm">{result.error}</p>}
      {result?.ok && result.message && <p role="status" className="text-xs text-green-700">{result.message}</p>}
    </form>
  );
}
