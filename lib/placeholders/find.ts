/**
 * Finds the blanks that templates and last year's text leave in a summary (`X次`, `XX名`,
 * `《X》`, `**局`, `某某`, `、   公司党委`, `（待补充）`, `【】` …), so the editor can mark them
 * and `submit` can be refused while any remain (design.md, "Placeholder check").
 */

export type PlaceholderKind =
  | "x-count" // X before a measure word or after 第: X次, XX名, X万元, 第X届
  | "x-date" // X before 年/月/日/号: X月, 20XX年
  | "x-name" // any other standalone X: X党委, XXX党组, X村, 《X》
  | "asterisk" // masked characters: **局, ××单位, ○○公司
  | "someone" // 某某
  | "empty-title" // 《》
  | "blank-run" // 2+ spaces inside a sentence, or ____
  | "todo" // （待补充） (待定) 【待完善】
  | "empty-brackets"; // 【】 “” （） 「」

/** One blank: UTF-16 offsets into the text (end exclusive); `text` is `text.slice(start, end)`. */
export interface Placeholder {
  start: number;
  end: number;
  text: string;
  kind: PlaceholderKind;
}

const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
// Chinese characters plus the CJK / full-width punctuation that surrounds blanks in real text.
const CJK_CONTEXT = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—·]/;
const SPACE = /[ \t\u3000\u00a0]/;
// Measure words and magnitudes that make `X` a missing number (X次, XX名, X万元, X余人).
const COUNT_UNITS = "次名个人件份篇期场项批元万亿千百十吨条家所户天周届支座台辆套本部处起余多位组类种亩米倍轮遍例笔张册幅首%％";
const DATE_UNITS = "年月日号";
// Single-X real words: X光 (X-ray), X射线, X染色体, X轴, X型/X形 …; never blanks.
const X_WORDS = ["光", "射线", "线", "染色体", "轴", "型", "形", "战警", "因素", "一代"];

/** The nearest non-space character before (dir -1) or after (dir 1) `at` on the same line. */
function nearestChar(text: string, at: number, dir: -1 | 1): string {
  for (let i = at; i >= 0 && i < text.length; i += dir) {
    const ch = text[i];
    if (ch === "\n" || ch === "\r") return "";
    if (!SPACE.test(ch)) return ch;
  }
  return "";
}

/** True when the nearest non-space character on either side (same line) is Chinese text. */
function inChineseContext(text: string, start: number, end: number): boolean {
  return CJK_CONTEXT.test(nearestChar(text, start - 1, -1)) || CJK_CONTEXT.test(nearestChar(text, end, 1));
}

/** A maximal run of X must stand alone and sit in Chinese context; classify it by its neighbours. */
function classifyX(text: string, start: number, end: number): PlaceholderKind | null {
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  if (LATIN_OR_DIGIT.test(after)) return null; // Xbox, XML, x86, Excel
  // 20XX年 / 202X年: a year with masked digits is a blank although digits touch the X.
  if (/[0-9０-９]/.test(before) && after === "年") return "x-date";
  if (LATIN_OR_DIGIT.test(before)) return null;
  if (end - start === 1 && X_WORDS.some((w) => text.startsWith(w, end))) return null;
  if (!inChineseContext(text, start, end)) return null; // an X in Latin prose
  if (DATE_UNITS.includes(after)) return "x-date";
  if (after && COUNT_UNITS.includes(after)) return "x-count";
  if (before === "第") return "x-count";
  return "x-name";
}

/** Regex-found blanks other than X runs, each with the kind it yields. */
const SIMPLE: Array<[RegExp, PlaceholderKind]> = [
  [/[（(【[]\s*(?:待补充|待定|待填写?|待完善|待核实|待确认|待更新|待补|TODO|TBD)\s*[）)】\]]/gi, "todo"],
  [/《[\s\u3000]*》/g, "empty-title"],
  [/【[\s\u3000]*】|“[\s\u3000]*”|‘[\s\u3000]*’|「[\s\u3000]*」|『[\s\u3000]*』|（[\s\u3000]*）|〔[\s\u3000]*〕/g, "empty-brackets"],
  [/某{2,}/g, "someone"],
  [/[*＊]{2,}|×+|○{2,}|□{2,}/g, "asterisk"],
  [/[_＿]{2,}/g, "blank-run"],
];

/**
 * Finds every placeholder in `text`, in document order, without overlaps (where two patterns
 * overlap the earlier, then longer one wins, so `（   ）` is one empty-brackets blank).
 *
 * Rules: an X (Latin X/x or full-width Ｘ/ｘ) counts only standing alone — not touching another
 * Latin letter or digit (`Xbox`, `XML`, `x86` are words) except a masked year `20XX年` — and
 * in Chinese context; `X光` and similar single-X words are skipped. Runs of 2+ spaces (ASCII,
 * U+3000, NBSP) count only with non-space text on both sides on the same line, so indentation
 * and trailing spaces are not blanks. Masks (`**`, `×`, `○○`, `□□`) must not touch digits or
 * Latin letters (`3×4`, `**kwargs`).
 * @param text plain text, any line endings. Never throws.
 * @returns placeholders with UTF-16 offsets (end exclusive) and `text === input.slice(start, end)`.
 */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const add = (start: number, end: number, kind: PlaceholderKind) =>
    found.push({ start, end, kind, text: text.slice(start, end) });

  for (const m of text.matchAll(/[XxＸｘ]+/g)) {
    const kind = classifyX(text, m.index, m.index + m[0].length);
    if (kind) add(m.index, m.index + m[0].length, kind);
  }
  for (const m of text.matchAll(/[ \u3000\u00a0]{2,}/g)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    // Both neighbours must be real text on this line: not start/end, not a line break or tab.
    if (before && after && !/\s/.test(before) && !/\s/.test(after)) add(m.index, m.index + m[0].length, "blank-run");
  }
  for (const [re, kind] of SIMPLE) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      // A mask touching digits or Latin text is arithmetic or code (3×4, **kwargs), not a blank.
      const touches = LATIN_OR_DIGIT.test(text[m.index - 1] ?? "") || LATIN_OR_DIGIT.test(text[end] ?? "");
      if (kind === "asterisk" && (touches || !inChineseContext(text, m.index, end))) continue;
      add(m.index, end, kind);
    }
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placeholder[] = [];
  for (const p of found) if (!out.length || p.start >= out[out.length - 1].end) out.push(p);
  return out;
}

/**
 * Stable keys for a list of placeholders (as returned by `findPlaceholders`), parallel to it:
 * `${kind}:${text}:${n}` where n counts the earlier placeholders with the same kind and text
 * (0-based), e.g. `x-count:XX:2`. A key survives edits anywhere except adding or removing an
 * earlier blank of the same kind and text. Never throws.
 */
export function placeholderKeys(placeholders: readonly Placeholder[]): string[] {
  const seen = new Map<string, number>();
  return placeholders.map((p) => {
    const base = `${p.kind}:${p.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}:${n}`;
  });
}

/**
 * The key of `p` within `all` (the full list it came from), as defined by `placeholderKeys`.
 * @throws Error when `p` is not an element of `all`.
 */
export function placeholderKey(p: Placeholder, all: readonly Placeholder[]): string {
  const i = all.indexOf(p);
  if (i < 0) throw new Error("placeholderKey: placeholder is not in the given list");
  return placeholderKeys(all)[i];
}

/**
 * Number of unresolved placeholders in `text`: all found ones except those whose key (see
 * `placeholderKeys`) is in `intended` — the blanks the editor marked as meant to stay.
 * Unknown keys in `intended` are ignored. Never throws.
 */
export function countPlaceholders(text: string, intended: readonly string[] = []): number {
  const skip = new Set(intended);
  return placeholderKeys(findPlaceholders(text)).filter((k) => !skip.has(k)).length;
}
