"use client";
/**
 * 批注: hands the editor's selected text (quote and Yjs anchor) to the comment box of the
 * sidebar (window event `hegao:comment-draft`, lib/comments/events.ts) and moves the focus
 * there. Enabled while some text is selected; works in a read-only editor too (reviewers).
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { COMMENT_DRAFT_EVENT, type CommentDraft } from "@/lib/comments/events";
import { selectionQuote } from "@/lib/editor/comment-highlight";

export function CommentButton({ editor, sectionId }: { editor: Editor; sectionId: string }) {
  const selected = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const onClick = () => {
    const q = selectionQuote(editor.state);
    if (!q) return;
    const detail: CommentDraft = { sectionId, quote: q.quote, anchor: q.anchor };
    window.dispatchEvent(new CustomEvent(COMMENT_DRAFT_EVENT, { detail }));
  };
  return (
    <button
      type="button"
      className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900 hover:bg-amber-100 disabled:cursor-not-allowed disabled:opacity-40"
      title={selected ? "对选中的文字添加批注" : "先在正文中选中文字"}
      disabled={!selected}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      data-testid="comment-selection"
    >
      批注
    </button>
  );
}
