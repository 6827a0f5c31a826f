"use client";

/**
 * The submitted text under review, as a diff against the last reviewed version (insertions
 * green and underlined, deletions red and struck through) or as plain full text. Selecting text
 * offers "添加批注" with the selection as the comment's quoted anchor; deletions are not
 * selectable, so a quote is always text of the submitted version.
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import type { DiffPart } from "@/lib/review/text-diff";
import { addCommentAction } from "../../actions";

export function TextPanel({
  sectionId, diff, text, baseLabel, canComment,
}: {
  sectionId: string;
  diff: DiffPart[];
  text: string;
  baseLabel: string;
  canComment: boolean;
}) {
  const [mode, setMode] = useState<"diff" | "full">("diff");
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
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm">
        <button type="button" className={`btn ${mode === "diff" ? "btn-primary" : ""}`} onClick={() => setMode("diff")}>修改对比</button>
        <button type="button" className={`btn ${mode === "full" ? "btn-primary" : ""}`} onClick={() => setMode("full")}>提交稿全文</button>
        <span className="ml-2 text-xs text-slate-500" data-testid="diff-caption">{mode === "diff" ? baseLabel : "选中文字可添加批注"}</span>
        {mode === "diff" && (
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
        data-testid={mode === "diff" ? "diff-view" : "full-text"}
      >
        {mode === "full"
          ? text
          : diff.map((p, i) =>
              p.kind === "same" ? (
                <span key={i}>{p.text}</span>
              ) : p.kind === "added" ? (
                <ins key={i} className="rounded-sm bg-green-100 text-green-900 decoration-green-600" data-testid="diff-added">{p.text}</ins>
              ) : (
                <del key={i} className="select-none rounded-sm bg-red-100 text-red-700" data-testid="diff-removed">{p.text}</del>
              ),
            )}
      </div>
      {canComment && <CommentForm sectionId={sectionId} quote={quote} onDone={() => setQuote("")} />}
    </div>
  );
}

function CommentForm({ sectionId, quote, onDone }: { sectionId: string; quote: string; onDone: () => void }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(addCommentAction, null);
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    if (!result?.ok) return;
    onDone();
    setFormKey((k) => k + 1);
    router.refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  return (
    <form key={formKey} action={action} className="space-y-2 border-t border-slate-200 px-4 py-3" data-testid="comment-form" noValidate>
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="anchorText" value={quote} />
      {quote ? (
        <div className="flex items-start gap-2 text-xs">
          <blockquote className="flex-1 border-l-2 border-amber-400 bg-amber-50 px-2 py-0.5 text-slate-600" data-testid="comment-quote">{quote}</blockquote>
          <button type="button" className="text-slate-400 hover:text-slate-600" onClick={onDone}>不引用</button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">在上方选中文字，可针对该段文字批注；不选则为整体批注。</p>
      )}
      <div className="flex items-start gap-2">
        <textarea name="body" rows={2} className="input flex-1" placeholder="批注内容" aria-label="批注内容" />
        <button className="btn" disabled={pending}>添加批注</button>
      </div>
      {result && !result.ok && <p role="alert" className="field-error">{result.error}</p>}
    </form>
  );
}
