/**
 * Numbered headings of Chinese official writing (GB/T 9704-2012 §7.3.3 "结构层次序数":
 * `一、` `（一）` `1.` `（1）`) as people really type them: ASCII or full-width brackets,
 * `1.` `1、` `1．`, with or without a space (also NBSP) after the number.
 */

/** Which numbering a heading uses; the level it gets depends on nesting (see levels.ts). */
export type HeadingKind = "cn" | "paren-cn" | "arabic" | "paren-arabic" | "circled";

/** A line that starts with a heading number: the kind and the text after the number. */
export interface HeadingMatch {
  kind: HeadingKind;
  /** The line without its number, trimmed; may hold title and body (`标题。正文…`). */
  rest: string;
}

const CN = "[一二三四五六七八九十]{1,3}";
const DIGITS = "[0-9０-９]{1,2}";
// Order matters only for readability: the patterns cannot match the same line.
const PATTERNS: Array<[HeadingKind, RegExp]> = [
  // `一、` / `一．`; `一是…` never matches because 是 is not a separator.
  ["cn", new RegExp(`^${CN}\\s*[、.．]\\s*`)],
  // `（一）` `(一)` and the occasional `（一）、`.
  ["paren-cn", new RegExp(`^[（(]\\s*${CN}\\s*[）)]\\s*、?\\s*`)],
  // `1.` `1、` `1．`; not `1.5万元` (a digit right after the separator is a decimal).
  ["arabic", new RegExp(`^${DIGITS}\\s*[.．、](?![0-9０-９])\\s*`)],
  ["paren-arabic", new RegExp(`^[（(]\\s*${DIGITS}\\s*[）)]\\s*、?\\s*`)],
  ["circled", /^[①-⑳]\s*/],
];

/**
 * Recognises a numbered heading line.
 * @param line one trimmed line.
 * @returns the kind and the text after the number, or null for an ordinary line. Never throws.
 */
export function matchHeading(line: string): HeadingMatch | null {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(line);
    if (m) return { kind, rest: line.slice(m[0].length).trim() };
  }
  return null;
}

const OPEN = "“‘《（(「『【〔";
const CLOSE = "”’》）)」』】〕";

/**
 * Splits a heading's text into title and run-in body: in `筑牢“主阵地”，让思想教育“实”起来。
 * 牢牢掌握…` the first sentence (up to the first `。` outside quotes and brackets) is the title
 * and the rest is body text. Without such a `。` the whole text is the title; a trailing `。`
 * or `：` is dropped from the title (numbers and that punctuation are added at assembly).
 * @returns `{ title, body }`, body "" when the heading has no run-in text. Never throws.
 */
export function splitHeading(rest: string): { title: string; body: string } {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === "。" && depth === 0) {
      const body = rest.slice(i + 1).trim();
      if (body) return { title: rest.slice(0, i).trim(), body };
      break;
    }
  }
  return { title: rest.replace(/[。：:]+$/, "").trim(), body: "" };
}
