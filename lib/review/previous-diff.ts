/**
 * 与上期对比: a section's text (the submission under review, or the text a preview shows)
 * against last period's text of the same section (lib/reports/previous-section.ts), word by
 * word like the review diff, with the label pages show above it.
 */
import type { DbOrTx } from "@/db/client";
import { previousTextOf, type PreviousText } from "@/lib/reports/previous-section";
import { diffStats, diffTexts, type DiffPart } from "./text-diff";

export interface PreviousDiff {
  previous: PreviousText;
  diff: DiffPart[];
  stats: { added: number; removed: number };
  /** e.g. 与上期（第1版定稿）相比：新增 12 字，删除 3 字 / 与导入原文相比：… */
  label: string;
}

/** Where last period's text comes from, in words: 上期（第N版定稿） or 导入原文. */
export function previousSourceLabel(p: Pick<PreviousText, "finalNumber">): string {
  return p.finalNumber === null ? "导入原文" : `上期（第${p.finalNumber}版定稿）`;
}

/** The diff of `text` against the diff's previous text (pure; for pages that already have both). */
export function diffAgainstPrevious(previous: PreviousText, text: string): PreviousDiff {
  const diff = diffTexts(previous.text, text);
  const stats = diffStats(diff);
  return { previous, diff, stats, label: `与${previousSourceLabel(previous)}相比：新增 ${stats.added} 字，删除 ${stats.removed} 字` };
}

/**
 * The comparison of `text` with last period's text of `section`, or null when the section has
 * no last period. No policy check: callers authorise reading the section.
 */
export async function previousDiff(
  db: DbOrTx,
  section: Parameters<typeof previousTextOf>[1],
  text: string,
): Promise<PreviousDiff | null> {
  const previous = await previousTextOf(db, section);
  return previous ? diffAgainstPrevious(previous, text) : null;
}
