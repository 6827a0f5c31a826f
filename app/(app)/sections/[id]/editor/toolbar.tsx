"use client";
/**
 * Formatting buttons of the section editor: what a summary body needs, nothing more — marks,
 * lists and simple tables (insert a 3 × 3 table with a header row, add/delete a row or column,
 * delete the table; the table buttons are enabled only where the command applies).
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

const BUTTONS = [
  { key: "bold", label: "B", title: "加粗 (Ctrl+B)", run: (e: Editor) => e.chain().focus().toggleBold().run(), cls: "font-bold" },
  { key: "italic", label: "I", title: "斜体 (Ctrl+I)", run: (e: Editor) => e.chain().focus().toggleItalic().run(), cls: "italic" },
  { key: "bulletList", label: "• 列表", title: "项目符号列表", run: (e: Editor) => e.chain().focus().toggleBulletList().run(), cls: "" },
  { key: "orderedList", label: "1. 列表", title: "编号列表", run: (e: Editor) => e.chain().focus().toggleOrderedList().run(), cls: "" },
] as const;

const TABLE_BUTTONS = [
  { key: "insertTable", label: "插入表格", title: "插入 3 行 3 列的表格（首行为表头）", run: (e: Editor) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), can: (e: Editor) => e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { key: "addRow", label: "加行", title: "在下方插入一行", run: (e: Editor) => e.chain().focus().addRowAfter().run(), can: (e: Editor) => e.can().addRowAfter() },
  { key: "deleteRow", label: "删行", title: "删除当前行", run: (e: Editor) => e.chain().focus().deleteRow().run(), can: (e: Editor) => e.can().deleteRow() },
  { key: "addColumn", label: "加列", title: "在右侧插入一列", run: (e: Editor) => e.chain().focus().addColumnAfter().run(), can: (e: Editor) => e.can().addColumnAfter() },
  { key: "deleteColumn", label: "删列", title: "删除当前列", run: (e: Editor) => e.chain().focus().deleteColumn().run(), can: (e: Editor) => e.can().deleteColumn() },
  { key: "deleteTable", label: "删除表格", title: "删除整个表格", run: (e: Editor) => e.chain().focus().deleteTable().run(), can: (e: Editor) => e.can().deleteTable() },
] as const;

const BUTTON = "rounded px-2 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-40";

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
    selector: ({ editor: e }) =>
      Object.fromEntries([...HISTORY, ...TABLE_BUTTONS].map((h) => [h.key, e.isEditable && h.can(e)])) as Record<string, boolean>,
  });
  return (
    <div className="flex flex-wrap items-center gap-1 px-3 py-1.5" role="toolbar" aria-label="格式">
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
          className={`${BUTTON} ${b.cls} ${active[b.key] ? "bg-slate-200 text-slate-900" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {b.label}
        </button>
      ))}
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
      {TABLE_BUTTONS.map((b) => (
        <button
          key={b.key}
          type="button"
          title={b.title}
          disabled={!editable || !possible[b.key]}
          onMouseDown={(ev) => ev.preventDefault()}
          onClick={() => b.run(editor)}
          className={`${BUTTON} text-slate-600 hover:bg-slate-100`}
        >
          {b.label}
        </button>
      ))}
    </div>
  );
}
