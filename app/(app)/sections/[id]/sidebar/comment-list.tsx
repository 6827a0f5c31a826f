/** Reviewer comments, each with its quoted text (anchor) when it has one. */
import type { CommentView } from "@/lib/comments/comments";
import { formatDateTime } from "@/lib/reports/relative-time";

export function CommentList({ comments, empty = "暂无批注。" }: { comments: CommentView[]; empty?: string }) {
  if (!comments.length) return <p className="text-xs text-slate-500">{empty}</p>;
  return (
    <ul className="space-y-3" data-testid="comment-list">
      {comments.map((c) => (
        <li key={c.id} className="text-sm" data-testid="comment">
          {c.anchorText && (
            <blockquote className="mb-1 border-l-2 border-amber-400 bg-amber-50 px-2 py-0.5 text-xs text-slate-600">
              {c.anchorText}
            </blockquote>
          )}
          <p className="whitespace-pre-wrap">{c.body}</p>
          <p className="mt-0.5 text-xs text-slate-400">{c.authorName} · {formatDateTime(c.createdAt)}</p>
        </li>
      ))}
    </ul>
  );
}
