"use client";
/**
 * A form that posts a comment through `addCommentAction`: a new thread (optionally with a
 * quote and its anchor) or a reply (`parentId`). The body box completes @mentions. On success
 * the box empties, `onDone` runs and the page's server parts re-render (threads, highlights).
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import type { MentionCandidate } from "@/lib/comments/mention-query";
import { addCommentAction } from "../../actions";
import { MentionTextarea } from "./mention-textarea";

export interface CommentFormProps {
  sectionId: string;
  candidates: MentionCandidate[];
  parentId?: string;
  quote?: string;
  anchor?: { start: unknown; end: unknown } | null;
  submitLabel: string;
  placeholder: string;
  autoFocus?: boolean;
  onDone?: () => void;
  testId: string;
}

export function CommentForm({ sectionId, candidates, parentId, quote, anchor, submitLabel, placeholder, autoFocus, onDone, testId }: CommentFormProps) {
  const router = useRouter();
  const [result, action, pending] = useActionState(addCommentAction, null);
  const [body, setBody] = useState("");
  useEffect(() => {
    if (!result?.ok) return;
    setBody("");
    onDone?.();
    router.refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  return (
    <form action={action} className="space-y-1" data-testid={testId} noValidate>
      <input type="hidden" name="sectionId" value={sectionId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {quote && <input type="hidden" name="anchorText" value={quote} />}
      {quote && anchor && <input type="hidden" name="anchor" value={JSON.stringify(anchor)} />}
      <div className="flex items-start gap-2">
        <MentionTextarea name="body" label={placeholder} placeholder={`${placeholder}（输入 @ 提及他人）`} candidates={candidates} value={body} onChange={setBody} autoFocus={autoFocus} />
        <button className="btn shrink-0" disabled={pending || !body.trim()}>{submitLabel}</button>
      </div>
      {result && !result.ok && <p role="alert" className="field-error">{result.error}</p>}
    </form>
  );
}
