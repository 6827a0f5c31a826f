/**
 * The preview's 与上期对比 view: each section's heading with its number, the label (与上期（第N版
 * 定稿）相比：新增 N 字，删除 M 字 / 与导入原文相比…) and the word diff against last period's text
 * (insertions green and underlined, deletions red and struck through, as on the review page).
 */
import type { SectionComparison } from "@/lib/reports/compare-previous";

const HEADING = ["", "text-lg font-bold", "text-base font-semibold", "text-base font-medium", "text-base"];

export function PreviousComparison({ sections }: { sections: SectionComparison[] }) {
  return (
    <article className="mx-auto max-w-3xl space-y-4 bg-white px-5 py-6 shadow-sm sm:px-10" data-testid="previous-comparison">
      <p className="flex flex-wrap gap-2 text-xs text-slate-500">
        与上期对比：
        <span className="rounded bg-green-100 px-1 text-green-900 underline decoration-green-600">本期新增</span>
        <span className="rounded bg-red-100 px-1 text-red-700 line-through">上期有、本期删除</span>
      </p>
      {sections.map((s) => (
        <section key={s.id} className="space-y-1" data-testid="comparison-section">
          <h2 className={HEADING[Math.min(4, s.level)]}>{s.number}{s.title}</h2>
          {s.comparison ? (
            <>
              <p className="text-xs text-slate-500" data-testid="comparison-label">{s.comparison.label}</p>
              <div className="whitespace-pre-wrap font-serif text-base leading-8">
                {s.comparison.diff.map((p, i) =>
                  p.kind === "same" ? <span key={i}>{p.text}</span>
                    : p.kind === "added" ? <ins key={i} className="rounded-sm bg-green-100 text-green-900 decoration-green-600">{p.text}</ins>
                    : <del key={i} className="rounded-sm bg-red-100 text-red-700">{p.text}</del>,
                )}
              </div>
            </>
          ) : s.text ? (
            <>
              <p className="text-xs text-slate-500">上期无此章节</p>
              <div className="whitespace-pre-wrap font-serif text-base leading-8">{s.text}</div>
            </>
          ) : null}
        </section>
      ))}
    </article>
  );
}
