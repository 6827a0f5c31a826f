"use client";
/**
 * The Tiptap editor bound to one SectionCollab: body extensions, Collaboration on the
 * section's Y.Doc, carets of the others, and the placeholder highlight. Editable only when the
 * server says this connection may write and the document has been loaded once.
 */
import { useEffect, useMemo } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { bodyExtensions, YJS_FIELD } from "@/lib/editor/extensions";
import { PlaceholderHighlight } from "@/lib/editor/placeholder-highlight";
import type { SectionCollab } from "@/lib/collab/client/section-collab";
import { countWords } from "@/lib/text/word-count";
import { Toolbar } from "./toolbar";

export interface CollabEditorProps {
  collab: SectionCollab;
  /** The awareness `user` field (CollaborationCaret sets it as is): caret colour and department colour. */
  user: { name: string; color: string; deptColor: string };
  editable: boolean;
  intended: string[];
  onWords(count: number): void;
  onPlaceholders(count: number): void;
}

export function CollabEditor({ collab, user, editable, intended, onWords, onPlaceholders }: CollabEditorProps) {
  const extensions = useMemo(
    () => [
      ...bodyExtensions(),
      Collaboration.configure({ document: collab.doc, field: YJS_FIELD }),
      CollaborationCaret.configure({ provider: collab.provider, user }),
      PlaceholderHighlight.configure({ intended, onCount: onPlaceholders }),
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
  if (!editor) return <div className="min-h-[420px] p-6 text-slate-400">正在加载编辑器…</div>;
  return (
    <>
      <Toolbar editor={editor} editable={editable} />
      <EditorContent editor={editor} className="hegao-editor" data-testid="section-editor" data-editable={editable} />
    </>
  );
}
