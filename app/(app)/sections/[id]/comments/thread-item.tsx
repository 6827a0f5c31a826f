"use client";
/**
 * One comment thread: the quote, the first comment and its replies (@mentions emphasised), a
 * reply box, and 解决 / 重新打开 for those the policy allows. `active` (opened from the editor's
 * highlight) rings and scrolls it into view.
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import type { MentionCandidate } from "@/lib/comments/mention-query";
import { OPEN_COMMENT_EVENT } from "@/lib/comments/events";
import type { CommentView, ThreadView } from "@/lib/comments/types";
import { resolveCommentAction } from "../../actions";
import { CommentForm } from "./comment-form";

/** What the client needs of a thread, with the viewer's rights. */
export type ThreadItemData = ThreadView & { canResolve: boolean };

const time = (d: Date) => new Date(d).toLocaleString("zh-CN", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" });

function Body({ text, names }: { text: string; names: string[] }) {
  if (!names.length) return <p className="whitespace-pre-wrap break-words">{text}</p>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  const parts = text.split(new RegExp(`(@(?:${escaped.join("|")}))`, "g"));
  return (
    <p className="whitespace-pre-wrap break-words">
      {parts.map((p, i) => (i % 2 === 1 ? <span key={i} className="font-medium text-brand-700" data-testid="mention">{p}</span> : p))}
    </p>
  );
}

function Comment({ c, names, quote }: { c: CommentView; names: string[]; quote?: string }) {
  // The quote of an anchored thread shows its words in the editor (when the page has one).
  const reveal = () => window.dispatchEvent(new CustomEvent(OPEN_COMMENT_EVENT, { detail: { id: c.id, reveal: true } }));
  return (
    <div data-testid="comment" data-comment-id={c.id}>
      {quote && (
        <blockquote
          className={`mb-1 border-l-2 border-amber-400 bg-amber-50 px-2 py-0.5 text-xs text-slate-600 ${c.anchor && !c.resolved ? "cursor-pointer hover:bg-amber-100" : ""}`}
          data-testid="comment-quote"
          title={c.anchor && !c.resolved ? "在正文中显示" : undefined}
          onClick={c.anchor && !c.resolved ? reveal : undefined}
        >
          {quote}
        </blockquote>
      )}
      <Body text={c.body} names={names} />
      <p className="mt-0.5 text-xs text-slate-400">{c.authorName} · {time(c.createdAt)}</p>
    </div>
  );
}

export function ThreadItem({ thread, sectionId, candidates, canComment, active }: {
  thread: ThreadItemData; sectionId: string; candidates: MentionCandidate[]; canComment: boolean; active: boolean;
}) {
  const router = useRouter();
  const ref = useRef<HTMLLIElement>(null);
  const [replying, setReplying] = useState(false);
  const [result, resolveAction, pending] = useActionState(resolveCommentAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [active]);
  const names = candidates.flatMap((c) => [c.name, c.username]);
  return (
    <li
      ref={ref}
      id={`comment-${thread.id}`}
      className={`rounded border p-2 text-sm ${active ? "border-amber-400 ring-2 ring-amber-300" : "border-slate-200"} ${thread.resolved ? "bg-slate-50" : "bg-white"}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved}
      data-active={active}
    >
      <Comment c={thread} names={names} quote={thread.anchorText} />
      {thread.replies.length > 0 && (
        <ul className="mt-2 space-y-2 border-l-2 border-slate-200 pl-2" data-testid="comment-replies">
          {thread.replies.map((r) => <li key={r.id}><Comment c={r} names={names} /></li>)}
        </ul>
      )}
      {thread.resolved && thread.resolvedByName && (
        <p className="mt-1 text-xs text-green-700">已由 {thread.resolvedByName} 标记为已解决{thread.resolvedAt ? ` · ${time(thread.resolvedAt)}` : ""}</p>
      )}
      <div className="mt-1.5 flex items-center gap-3 text-xs">
        {canComment && !replying && (
          <button type="button" className="text-brand-700 hover:underline" onClick={() => setReplying(true)} data-testid="comment-reply">回复</button>
        )}
        {thread.canResolve && (
          <form action={resolveAction} className="ml-auto">
            <input type="hidden" name="sectionId" value={sectionId} />
            <input type="hidden" name="commentId" value={thread.id} />
            <input type="hidden" name="resolved" value={thread.resolved ? "false" : "true"} />
            <button className="text-slate-600 hover:text-brand-700 hover:underline disabled:opacity-50" disabled={pending} data-testid={thread.resolved ? "comment-reopen" : "comment-resolve"}>
              {thread.resolved ? "重新打开" : "✓ 解决"}
            </button>
          </form>
        )}
      </div>
      {result && !result.ok && <p role="alert" className="field-error">{result.error}</p>}
      {replying && (
        <div className="mt-2">
          <CommentForm
            sectionId={sectionId} candidates={candidates} parentId={thread.id} submitLabel="回复" placeholder="回复内容"
            autoFocus onDone={() => setReplying(false)} testId="reply-form"
          />
          <button type="button" className="mt-1 text-xs text-slate-400 hover:text-slate-600" onClick={() => setReplying(false)}>取消</button>
        </div>
      )}
    </li>
  );
}
