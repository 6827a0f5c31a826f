"use client";
/**
 * The comment threads of a section (sidebar of the editor page, and the review page): open
 * threads first; resolved ones folded under 已解决 N 条; on the review page, open threads of
 * earlier review rounds (written on another submitted version) folded too. A click on a quote
 * highlighted in the editor (`hegao:open-comment`) or a link to `#comment-<id>` opens its
 * thread, unfolding it when needed. With `composer`, a box for a new comment takes the quote
 * the editor's 批注 button hands over (`hegao:comment-draft`).
 */
import { useEffect, useState } from "react";
import { COMMENT_DRAFT_EVENT, OPEN_COMMENT_EVENT, type CommentDraft } from "@/lib/comments/events";
import type { MentionCandidate } from "@/lib/comments/mention-query";
import { CommentForm } from "./comment-form";
import { ThreadItem, type ThreadItemData } from "./thread-item";

export interface CommentThreadsProps {
  sectionId: string;
  threads: ThreadItemData[];
  candidates: MentionCandidate[];
  canComment: boolean;
  /** The submitted version under review: open threads written on another one are folded. */
  currentVersionId?: string | null;
  /** Shows the new-comment box fed by the editor's selection. */
  composer?: boolean;
}

function Fold({ label, count, open, onToggle, children, testId }: {
  label: string; count: number; open: boolean; onToggle(): void; children: React.ReactNode; testId: string;
}) {
  if (!count) return null;
  return (
    <div data-testid={testId} data-open={open}>
      <button type="button" className="text-xs text-brand-700 hover:underline" aria-expanded={open} onClick={onToggle}>
        {open ? "▾" : "▸"} {label} {count} 条
      </button>
      {open && <ul className="mt-2 space-y-2">{children}</ul>}
    </div>
  );
}

export function CommentThreads({ sectionId, threads, candidates, canComment, currentVersionId, composer }: CommentThreadsProps) {
  const [active, setActive] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [showEarlier, setShowEarlier] = useState(false);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const earlier = (t: ThreadItemData) => currentVersionId !== undefined && !t.resolved && t.versionId !== currentVersionId;
  const open = threads.filter((t) => !t.resolved && !earlier(t));
  const older = threads.filter(earlier);
  const resolved = threads.filter((t) => t.resolved);

  useEffect(() => {
    const openThread = (id: string) => {
      const t = threads.find((x) => x.id === id);
      if (!t) return;
      if (t.resolved) setShowResolved(true);
      else if (earlier(t)) setShowEarlier(true);
      setActive(id);
    };
    const onOpen = (e: Event) => openThread((e as CustomEvent<{ id: string }>).detail?.id);
    const onDraft = (e: Event) => {
      const d = (e as CustomEvent<CommentDraft>).detail;
      if (d?.sectionId === sectionId) setDraft(d);
    };
    const hash = window.location.hash.match(/^#comment-(.+)$/);
    if (hash) openThread(hash[1]);
    window.addEventListener(OPEN_COMMENT_EVENT, onOpen);
    window.addEventListener(COMMENT_DRAFT_EVENT, onDraft);
    return () => {
      window.removeEventListener(OPEN_COMMENT_EVENT, onOpen);
      window.removeEventListener(COMMENT_DRAFT_EVENT, onDraft);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [threads, sectionId, currentVersionId]);

  const item = (t: ThreadItemData) => (
    <ThreadItem key={t.id} thread={t} sectionId={sectionId} candidates={candidates} canComment={canComment} active={active === t.id} />
  );
  return (
    <div className="space-y-3" data-testid="comment-threads">
      {composer && canComment && (
        <div className="space-y-1" data-testid="new-comment">
          {draft ? (
            <div className="flex items-start gap-2 text-xs">
              <blockquote className="flex-1 border-l-2 border-amber-400 bg-amber-50 px-2 py-0.5 text-slate-600" data-testid="comment-draft-quote">{draft.quote}</blockquote>
              <button type="button" className="text-slate-400 hover:text-slate-600" onClick={() => setDraft(null)}>不引用</button>
            </div>
          ) : (
            <p className="text-xs text-slate-500">在正文中选中文字后点「批注」，可针对该段文字批注。</p>
          )}
          <CommentForm
            key={draft ? `${draft.quote}` : "general"} sectionId={sectionId} candidates={candidates}
            quote={draft?.quote} anchor={draft?.anchor} submitLabel="添加批注" placeholder="批注内容"
            autoFocus={!!draft} onDone={() => setDraft(null)} testId="comment-form"
          />
        </div>
      )}
      {open.length > 0 ? (
        <ul className="space-y-2" data-testid="open-threads">{open.map(item)}</ul>
      ) : (
        <p className="text-xs text-slate-500">{threads.length ? "没有待处理的批注。" : "暂无批注。"}</p>
      )}
      <Fold label="以往审核轮次的批注" count={older.length} open={showEarlier} onToggle={() => setShowEarlier((v) => !v)} testId="earlier-threads">
        {older.map(item)}
      </Fold>
      <Fold label="已解决" count={resolved.length} open={showResolved} onToggle={() => setShowResolved((v) => !v)} testId="resolved-threads">
        {resolved.map(item)}
      </Fold>
    </div>
  );
}
