"use client";

/**
 * The section's placeholders (待补充内容) with "标记为有意保留" / "取消" buttons for editors.
 * A changed mark is announced to the editor's highlight with `hegao:intended-placeholders`.
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { INTENDED_EVENT } from "@/lib/editor/window-events";
import { markIntendedAction } from "../../actions";

export interface PlaceholderItem {
  key: string;
  label: string;
  context: string;
  intended: boolean;
}

function MarkButton({ sectionId, item }: { sectionId: string; item: PlaceholderItem }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(markIntendedAction, null);
  useEffect(() => {
    if (!result?.ok) return;
    const data = result.data as { intended: string[] } | undefined;
    if (data) window.dispatchEvent(new CustomEvent(INTENDED_EVENT, { detail: { sectionId, keys: data.intended } }));
    router.refresh();
  }, [result, router, sectionId]);
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="key" value={item.key} />
      <input type="hidden" name="intended" value={item.intended ? "false" : "true"} />
      <button className="text-xs text-brand-700 hover:underline disabled:opacity-50" disabled={pending}>
        {item.intended ? "取消" : "标记为有意保留"}
      </button>
      {result && !result.ok && <p role="alert" className="field-error">{result.error}</p>}
    </form>
  );
}

export function PlaceholderList({ sectionId, items, canMark }: { sectionId: string; items: PlaceholderItem[]; canMark: boolean }) {
  if (!items.length) return <p className="text-xs text-slate-500">没有发现待补充内容。</p>;
  return (
    <ul className="space-y-2" data-testid="placeholder-list">
      {items.map((p) => (
        <li key={p.key} className="flex items-start justify-between gap-2 text-xs" data-intended={p.intended}>
          <div className={p.intended ? "text-slate-400" : ""}>
            <span className="rounded bg-yellow-200 px-1 font-medium text-slate-800">{p.label}</span>
            {p.intended && <span className="ml-1">（有意保留）</span>}
            <div className="mt-0.5 text-slate-500">{p.context}</div>
          </div>
          {canMark && <MarkButton sectionId={sectionId} item={p} />}
        </li>
      ))}
    </ul>
  );
}
