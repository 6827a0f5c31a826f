"use client";
/**
 * The Tiptap editor bound to one SectionCollab: body extensions, Collaboration on the
 * section's Y.Doc, carets of the others, and the placeholder highlight. Editable only when the
 * server says this connection may write and the document has been loaded once.
 */
import { useEffect, useMemo } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { bodyExtensions, YJS_FIELD } from "@/lib/editor/extensions";
import { PlaceholderHighlight } from "@/lib/editor/placeholder-highlight";
import { CommentHighlight, commentHighlightKey, type CommentHighlightMeta } from "@/lib/editor/comment-highlight";
import { OPEN_COMMENT_EVENT } from "@/lib/comments/events";
import type { OpenAnchor } from "@/lib/comments/types";
import type { SectionCollab } from "@/lib/collab/client/section-collab";
import { countWords } from "@/lib/text/word-count";
import { CommentButton } from "./comment-button";
import { Toolbar } from "./toolbar";

export interface CollabEditorProps {
  collab: SectionCollab;
  /** The awareness `user` field (CollaborationCaret sets it as is): caret colour and department colour. */
  user: { name: string; color: string; deptColor: string };
  editable: boolean;
  intended: string[];
  onWords(count: number): void;
  onPlaceholders(count: number): void;
  /** Hands out the editor once it exists (the reference panel's 以此为底稿 edits through it). */
  onEditor?(editor: Editor | null): void;
  /** Open comment threads with a quote: highlighted; clicking one opens its thread. */
  anchors: OpenAnchor[];
  /** Shows the 批注 button (the account may comment on the section). */
  commentOn?: string | null;
}

export function CollabEditor({ collab, user, editable, intended, onWords, onPlaceholders, onEditor, anchors, commentOn }: CollabEditorProps) {
  const extensions = useMemo(
    () => [
      ...bodyExtensions(),
      Collaboration.configure({ document: collab.doc, field: YJS_FIELD }),
      CollaborationCaret.configure({ provider: collab.provider, user }),
      PlaceholderHighlight.configure({ intended, onCount: onPlaceholders }),
      CommentHighlight.configure({
        anchors,
        onOpen: (id) => window.dispatchEvent(new CustomEvent(OPEN_COMMENT_EVENT, { detail: { id } })),
      }),
    ],
    // The editor is created once per session; later prop changes must not rebuild it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [collab],
  );
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions,
      editable: false,
      editorProps: { attributes: { "aria-label": "章节正文", spellcheck: "false" } },
      onUpdate: ({ editor: e }) => onWords(countWords(e.getText())),
      onCreate: ({ editor: e }) => onWords(countWords(e.getText())),
    },
    [extensions],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  useEffect(() => {
    // New or resolved threads (the page re-rendered): recompute the highlights.
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, { anchors } satisfies CommentHighlightMeta));
  }, [editor, anchors]);
  if (!editor) return <div className="min-h-[420px] p-6 text-slate-400">正在加载编辑器…</div>;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-1 border-b border-slate-200">
        <Toolbar editor={editor} editable={editable} />
        {commentOn && <div className="ml-auto px-2 py-1"><CommentButton editor={editor} sectionId={commentOn} /></div>}
      </div>
      <EditorContent editor={editor} className="hegao-editor" data-testid="section-editor" data-editable={editable} />
    </>
  );
}
