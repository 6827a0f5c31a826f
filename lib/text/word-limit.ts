/**
 * 字数要求 (a section's word limit, `sections.word_limit`): how a 字数 compares with it, in the
 * words the editor's status line, the submit warning and the dashboard use. A limit is advice
 * from the coordinating office: it is shown and warned about, never enforced.
 */

/** A 字数 measured against a limit. */
export interface WordLimitCheck {
  /** The limit in 字, or null (none set). */
  limit: number | null;
  words: number;
  /** words − limit when over, else 0. */
  excess: number;
  over: boolean;
}

/**
 * Compares `words` (lib/text/word-count) with `limit` (字, or null/undefined for none).
 * Exactly at the limit is not over ("不超过 800 字" allows 800).
 */
export function checkWordLimit(words: number, limit: number | null | undefined): WordLimitCheck {
  const l = limit ?? null;
  const excess = l !== null && words > l ? words - l : 0;
  return { limit: l, words, excess, over: excess > 0 };
}

/** "不超过 800 字", or "" without a limit. */
export function limitLabel(limit: number | null | undefined): string {
  return limit ? `不超过 ${limit} 字` : "";
}

/**
 * The warning shown when a text is over its limit, or null: "本节 812 字，超出字数要求（不超过
 * 800 字）12 字".
 */
export function overLimitWarning(check: WordLimitCheck): string | null {
  return check.over ? `本节 ${check.words} 字，超出字数要求（${limitLabel(check.limit)}）${check.excess} 字` : null;
}
