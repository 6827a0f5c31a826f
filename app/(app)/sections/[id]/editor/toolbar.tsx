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

/** The toolbar; every button is disabled when the editor is read-only. */
export function Toolbar({ editor, editable }: { editor: Editor; editable: boolean }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(BUTTONS.map((b) => [b.key, e.isActive(b.key)])) as Record<string, boolean>,
  });
  return (
    <div className="flex items-center gap-1 border-b border-slate-200 px-3 py-1.5" role="toolbar" aria-label="格式">
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
