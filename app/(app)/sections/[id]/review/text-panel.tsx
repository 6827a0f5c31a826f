"use client";

/**
 * The submitted text under review, as a diff against the last reviewed version (insertions
 * green and underlined, deletions red and struck through), as a diff against last period's text
 * of the section (与上期对比: the first review's only diff, a second option later), or as plain
 * full text. Selecting text offers "添加批注" with the selection as the comment's quoted anchor
 * (found in the live text by the server, so the editors see it highlighted); deletions are not
 * selectable, so a quote is always text of the submitted version.
 */
import { useRef, useState } from "react";
import type { MentionCandidate } from "@/lib/comments/mention-query";
import type { DiffPart } from "@/lib/review/text-diff";
import { CommentForm } from "../comments/comment-form";

type Mode = "diff" | "previous" | "full";

export function TextPanel({
  sectionId, diff, text, baseLabel, previous, canComment, candidates,
}: {
  sectionId: string;
  /** The diff against the last reviewed version; null when there is none to offer (first review with a last period). */
  diff: DiffPart[] | null;
  text: string;
  baseLabel: string;
  /** 与上期对比, when the section has a last period. */
  previous?: { diff: DiffPart[]; label: string } | null;
  canComment: boolean;
  candidates: MentionCandidate[];
}) {
  const [mode, setMode] = useState<Mode>(diff ? "diff" : previous ? "previous" : "full");
  const shown = mode === "diff" ? diff ?? [] : mode === "previous" ? previous?.diff ?? [] : [];
  const label = mode === "diff" ? baseLabel : mode === "previous" ? previous?.label ?? "" : "选中文字可添加批注";
  const [quote, setQuote] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const onSelect = () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !box.current?.contains(sel.anchorNode)) return;
    const q = sel.toString().replace(/\s+/g, " ").trim().slice(0, 500);
    if (q) setQuote(q);
  };
  return (
    <div className="card">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm">
        {diff && <button type="button" className={`btn ${mode === "diff" ? "btn-primary" : ""}`} onClick={() => setMode("diff")}>修改对比</button>}
        {previous && <button type="button" className={`btn ${mode === "previous" ? "btn-primary" : ""}`} onClick={() => setMode("previous")} data-testid="compare-previous">与上期对比</button>}
        <button type="button" className={`btn ${mode === "full" ? "btn-primary" : ""}`} onClick={() => setMode("full")}>提交稿全文</button>
        <span className="ml-2 text-xs text-slate-500" data-testid="diff-caption">{label}</span>
        {mode !== "full" && (
          <span className="ml-auto flex gap-2 text-xs">
            <span className="rounded bg-green-100 px-1 text-green-900 underline decoration-green-600">新增</span>
            <span className="rounded bg-red-100 px-1 text-red-700 line-through">删除</span>
          </span>
        )}
      </div>
      <div
        ref={box}
        onMouseUp={onSelect}
        className="max-h-[60vh] overflow-y-auto whitespace-pre-wrap px-6 py-4 font-serif text-base leading-8"
        data-testid={mode === "full" ? "full-text" : mode === "diff" ? "diff-view" : "previous-diff-view"}
      >
        {mode === "full"
          ? text
          : shown.map((p, i) =>
              p.kind === "same" ? (
                <span key={i}>{p.text}</span>
              ) : p.kind === "added" ? (
                <ins key={i} className="rounded-sm bg-green-100 text-green-900 decoration-green-600" data-testid="diff-added">{p.text}</ins>
              ) : (
                <del key={i} className="select-none rounded-sm bg-red-100 text-red-700" data-testid="diff-removed">{p.text}</del>
              ),
            )}
      </div>
      {canComment && <QuoteCommentForm sectionId={sectionId} quote={quote} candidates={candidates} onDone={() => setQuote("")} />}
    </div>
  );
}

/** The review page's comment box: the selected quote (anchored in the live text by the server). */
function QuoteCommentForm({ sectionId, quote, candidates, onDone }: { sectionId: string; quote: string; candidates: MentionCandidate[]; onDone: () => void }) {
  return (
    <div className="space-y-2 border-t border-slate-200 px-4 py-3">
      {quote ? (
        <div className="flex items-start gap-2 text-xs">
          <blockquote className="flex-1 border-l-2 border-amber-400 bg-amber-50 px-2 py-0.5 text-slate-600" data-testid="comment-quote">{quote}</blockquote>
          <button type="button" className="text-slate-400 hover:text-slate-600" onClick={onDone}>不引用</button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">在上方选中文字，可针对该段文字批注；不选则为整体批注。</p>
      )}
      <CommentForm sectionId={sectionId} candidates={candidates} quote={quote} submitLabel="添加批注" placeholder="批注内容" onDone={onDone} testId="comment-form" />
    </div>
  );
}
