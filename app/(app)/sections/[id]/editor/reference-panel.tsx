"use client";
/**
 * Last period's approved text of the section, beside the editor as a read-only reference
 * (collapsible; below the editor on narrow screens). "以此为底稿" copies it into the draft
 * through the editor, i.e. as a normal collaborative edit that every open editor sees live
 * (and that 撤销 takes back); when the draft already has text, a dialog asks first. Never
 * copied by default.
 */
import type { Editor } from "@tiptap/react";
import type { JSONContent } from "@tiptap/core";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";

export interface ReferenceText {
  text: string;
  contentJson: JSONContent;
  /** Where it comes from: 上期（第1版定稿） or 导入原文. */
  source: string;
}

export function ReferencePanel({ reference, editor, editable, open, onToggle }: {
  reference: ReferenceText;
  /** The section's editor once it exists (null while connecting). */
  editor: Editor | null;
  editable: boolean;
  open: boolean;
  onToggle(): void;
}) {
  const [empty, setEmpty] = useState(true);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const update = () => setEmpty(editor.getText().trim() === "");
    update();
    editor.on("update", update);
    return () => { editor.off("update", update); };
  }, [editor]);
  const copy = () => {
    if (!editor) return;
    editor.chain().focus().setContent(reference.contentJson).run();
    setCopied(true);
  };
  const button = (onClick?: () => void) => (
    <button type="button" className="btn btn-primary" disabled={!editor || !editable} onClick={onClick} data-testid="use-reference">以此为底稿</button>
  );
  return (
    <aside className="card flex flex-col overflow-hidden" data-testid="reference-panel" aria-label="上期内容">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2">
        <h2 className="text-sm font-medium text-slate-800">上期内容 <span className="font-normal text-slate-500">· {reference.source} · 只读</span></h2>
        <button type="button" className="ml-auto text-sm text-brand-700 hover:underline" onClick={onToggle} aria-expanded={open} data-testid="toggle-reference">
          {open ? "收起" : "展开"}
        </button>
      </div>
      {open && (
        <>
          <div className="max-h-[60vh] flex-1 overflow-y-auto px-5 py-3 font-serif text-base leading-8 text-slate-700" data-testid="reference-text">
            {reference.text.split("\n").map((line, i) => <p key={i} className="indent-8">{line}</p>)}
          </div>
          {editable && (
            <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-4 py-2 text-xs text-slate-500">
              {empty ? (
                button(copy)
              ) : (
                <ConfirmDialog
                  trigger={button()}
                  title="用上期内容替换草稿？"
                  description="本节草稿已有内容。以此为底稿会用上期内容替换全部草稿（其他正在编辑的人同时看到）；可用“撤销”恢复。"
                  confirmLabel="替换为上期内容"
                  onConfirm={copy}
                />
              )}
              <span role="status">{copied ? "已复制到草稿，可在此基础上修改" : "复制到草稿后再修改，不会自动复制"}</span>
            </div>
          )}
        </>
      )}
    </aside>
  );
}
