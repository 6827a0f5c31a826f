"use client";

/**
 * Every blank of every printed part of the report being imported (title, 主送, opening,
 * headings, bodies, 附件, 落款), each with its part and a quote, recomputed as the admin edits.
 * Finalize will refuse them later, so the admin sees them all before anything is created.
 */
import { PART_LABELS, type PartPlaceholder } from "@/lib/placeholders/parts";

export function PartBlanks({ blanks, sectionLabel }: { blanks: PartPlaceholder[]; sectionLabel: (key: string) => string }) {
  if (blanks.length === 0) {
    return <p className="text-sm text-slate-500" data-testid="part-blanks">未发现待补充的占位符。</p>;
  }
  const where = (b: PartPlaceholder) => (b.sectionId ? `${PART_LABELS[b.part]} · ${sectionLabel(b.sectionId)}` : PART_LABELS[b.part]);
  return (
    <details className="card p-4" data-testid="part-blanks">
      <summary className="cursor-pointer font-semibold">
        待补充的占位符 {blanks.length} 处<span className="ml-2 text-sm font-normal text-slate-500">（定稿前须全部补充或标记为有意保留）</span>
      </summary>
      <ul className="mt-2 space-y-1 text-sm">
        {blanks.map((b, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-2" data-testid="part-blank">
            <span className="badge shrink-0 bg-amber-100 text-amber-800">{where(b)}</span>
            <span className="min-w-0 break-all font-serif text-slate-700">{b.context}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
