/**
 * Text diff for "changes since the last reviewed version", word by word for Chinese: both texts
 * are cut into words with `Intl.Segmenter` (dictionary-based for Chinese; spaces, punctuation
 * and line breaks are tokens too, so nothing is lost) and compared with `diffArrays` from the
 * `diff` package (Myers' algorithm). Without Intl.Segmenter it falls back to `diffChars`.
 */
import { diffArrays, diffChars } from "diff";
import { countWords } from "@/lib/text/word-count";

/** A run of text that is unchanged, added or removed. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

function words(text: string): string[] {
  const seg = new Intl.Segmenter("zh-CN", { granularity: "word" });
  return Array.from(seg.segment(text), (s) => s.segment);
}

/**
 * Parts that turn `before` into `after`: concatenating the "same" and "removed" parts gives
 * `before`, the "same" and "added" parts gives `after`. Adjacent parts of one kind are merged.
 * `before` null (first review) → the whole text as one added part.
 */
export function diffTexts(before: string | null, after: string): DiffPart[] {
  if (before === null) return after ? [{ kind: "added", text: after }] : [];
  const raw =
    typeof Intl.Segmenter === "function"
      ? diffArrays(words(before), words(after)).map((c) => ({ added: c.added, removed: c.removed, value: c.value.join("") }))
      : diffChars(before, after);
  const out: DiffPart[] = [];
  for (const c of raw) {
    const kind = c.added ? "added" : c.removed ? "removed" : "same";
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else if (c.value) out.push({ kind, text: c.value });
  }
  return out;
}

/**
 * 字数 added and removed by a diff (for "新增 N 字 / 删除 M 字"), counted per part with the
 * editor's rule (lib/text/word-count: 汉字 + letter/digit words, punctuation and spaces nothing).
 */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    const n = countWords(p.text);
    if (p.kind === "added") added += n;
    if (p.kind === "removed") removed += n;
  }
  return { added, removed };
}
