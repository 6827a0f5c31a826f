"use client";
/** Formatting buttons of the section editor: what a summary body needs, nothing more. */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

const BUTTONS = [
  { key: "bold", label: "B", title: "加粗 (Ctrl+B)", run: (e: Editor) => e.chain().focus().toggleBold().run(), cls: "font-bold" },
  { key: "italic", label: "I", title: "斜体 (Ctrl+I)", run: (e: Editor) => e.chain().focus().toggleItalic().run(), cls: "italic" },
  { key: "bulletList", label: "• 列表", title: "项目符号列表", run: (e: Editor) => e.chain().focus().toggleBulletList().run(), cls: "" },
  { key: "orderedList", label: "1. 列表", title: "编号列表", run: (e: Editor) => e.chain().focus().toggleOrderedList().run(), cls: "" },
] as const;

// Undo/redo are the Collaboration extension's (y-prosemirror's yUndo): they take back only this
// person's own edits, never a collaborator's, like Ctrl+Z / Ctrl+Shift+Z.
const HISTORY = [
  { key: "undo", label: "↶ 撤销", title: "撤销 (Ctrl+Z)", run: (e: Editor) => e.chain().focus().undo().run(), can: (e: Editor) => e.can().undo() },
  { key: "redo", label: "↷ 重做", title: "重做 (Ctrl+Shift+Z)", run: (e: Editor) => e.chain().focus().redo().run(), can: (e: Editor) => e.can().redo() },
] as const;

/** The toolbar; every button is disabled when the editor is read-only (undo/redo also when there is nothing to take back). */
export function Toolbar({ editor, editable }: { editor: Editor; editable: boolean }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(BUTTONS.map((b) => [b.key, e.isActive(b.key)])) as Record<string, boolean>,
  });
  const possible = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(HISTORY.map((h) => [h.key, e.isEditable && h.can(e)])) as Record<string, boolean>,
  });
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-3 py-1.5" role="toolbar" aria-label="格式">
      {HISTORY.map((h) => (
        <button
          key={h.key}
          type="button"
          title={h.title}
          aria-label={h.title.split(" ")[0]}
          disabled={!editable || !possible[h.key]}
          onMouseDown={(ev) => ev.preventDefault()}
          onClick={() => h.run(editor)}
          className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40"
          data-testid={`toolbar-${h.key}`}
        >
          {h.label}
        </button>
      ))}
      <span className="mx-1 h-4 w-px bg-slate-200" aria-hidden />
      {BUTTONS.map((b) => (
        <button
          key={b.key}
          type="button"
          title={b.title}
          aria-pressed={active[b.key]}
          disabled={!editable}
          onMouseDown={(ev) => ev.preventDefault()}
          onClick={() => b.run(editor)}
          className={`rounded px-2 py-1 text-sm ${b.cls} ${active[b.key] ? "bg-slate-200 text-slate-900" : "text-slate-600 hover:bg-slate-100"} disabled:cursor-not-allowed disabled:opacity-40`}
        >
          {b.label}
        </button>
      ))}
    </div>
  );
}
