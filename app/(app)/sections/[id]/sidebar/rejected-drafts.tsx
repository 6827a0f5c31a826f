"use client";
/**
 * 未被接受的修改: the section's rejected drafts (edits the collaboration server refused, e.g.
 * typed while the section was locked or from a stale offline copy) — who, when, why, the text
 * folded — each with 复制全文 so its author can paste it back once the section is editable.
 */
import { useState } from "react";

export interface RejectedDraftItem {
  id: string;
  authorName: string;
  reasonLabel: string;
  text: string;
  /** Already formatted for display. */
  createdAt: string;
}

/** Copies `text` to the clipboard; falls back to a hidden textarea where the API is missing or denied. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

function CopyButton({ text }: { text: string }) {
  const [done, setDone] = useState<"ok" | "failed" | null>(null);
  return (
    <button
      type="button"
      className="btn shrink-0 px-2 py-0.5 text-xs"
      data-testid="copy-draft"
      onClick={async () => setDone((await copyText(text)) ? "ok" : "failed")}
    >
      {done === "ok" ? "已复制" : done === "failed" ? "复制失败，请手动选择" : "复制全文"}
    </button>
  );
}

export function RejectedDrafts({ items }: { items: RejectedDraftItem[] }) {
  return (
    <ul className="space-y-3" data-testid="rejected-drafts">
      {items.map((d) => {
        const firstLine = d.text.split("\n").find((l) => l.trim()) ?? "";
        return (
          <li key={d.id} className="rounded border border-slate-200 p-2" data-testid="rejected-draft">
            <div className="flex items-start justify-between gap-2">
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-700" data-testid="draft-author">{d.authorName || "已删除的账号"}</span> · {d.createdAt}
              </p>
              {d.text && <CopyButton text={d.text} />}
            </div>
            <p className="mt-0.5 text-xs text-red-700" data-testid="draft-reason">{d.reasonLabel}</p>
            {d.text ? (
              <details className="mt-1">
                <summary className="cursor-pointer truncate text-xs text-slate-600" title="展开全文">
                  {firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine} <span className="text-slate-400">（{d.text.length} 字，展开）</span>
                </summary>
                <p className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs text-slate-800" data-testid="draft-text">{d.text}</p>
              </details>
            ) : (
              <p className="mt-1 text-xs text-slate-500">（没有可显示的文字：修改后正文为空，或内容无法解析）</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
