/**
 * The end of an imported summary that is not body text (GB/T 9704-2012 §7.3.4, §7.3.5): the
 * 附件说明 (`附件：1.…` and the following numbered lines, or `附件：` then numbered lines, or a
 * single `附件：名称`) and the 落款 (signing unit line + 成文日期 line, 汉字 or Arabic numerals).
 * Recognised only as the last lines of the document, so a `2.重点项目清单` there never becomes a
 * heading and a signature never becomes body text.
 */
import { parseDocumentDate } from "../text/cn-date";
import { matchHeading } from "./headings";

/** One line as the back matter sees it: trimmed text, or a table (never back matter). */
export interface TailLine {
  text: string;
  table?: boolean;
}

/** What the document's last lines held; `start` is the index of the first back-matter line. */
export interface BackMatter {
  start: number;
  attachments: string[];
  signOff: { unit: string; date: string } | null;
}

const ATTACHMENT_HEAD = /^附\s*件\s*[：:]\s*/;
// A signing unit: short, no sentence punctuation, not a numbered line.
const isUnit = (text: string) => text.length >= 2 && text.length <= 30 && !/[。，,；;：:！？!?]/.test(text) && !matchHeading(text);

/** An item's name: without its number and closing punctuation. */
const itemName = (rest: string) => rest.replace(/[。；;，,]+$/, "").trim();

/** The number and name of an `N.` / `N、` / `（N）` line, or null. */
function numbered(text: string): { n: number; name: string } | null {
  const m = /^[（(]?\s*([0-9０-９]{1,2})\s*(?:[.．、]|[）)])\s*(.+)$/.exec(text);
  return m ? { n: Number(m[1].normalize("NFKC")), name: itemName(m[2]) } : null;
}

/** The 附件说明 ending at `end` (exclusive): its first line's index and items, or null. */
function attachmentsBefore(lines: readonly TailLine[], end: number, floor: number): { start: number; items: string[] } | null {
  let i = end - 1;
  const items: { n: number; name: string }[] = [];
  // Walk back over numbered item lines to the `附件：` line that opens them.
  for (; i >= floor && !lines[i].table && !ATTACHMENT_HEAD.test(lines[i].text); i--) {
    const item = numbered(lines[i].text);
    if (!item) return null;
    items.unshift(item);
  }
  if (i < floor || lines[i].table) return null;
  const first = lines[i].text.replace(ATTACHMENT_HEAD, "").trim();
  const lead = first ? numbered(first) : null;
  if (first && !lead) return items.length === 0 && itemName(first) ? { start: i, items: [itemName(first)] } : null;
  const all = lead ? [lead, ...items] : items;
  return all.length && all.every((it, k) => it.n === k + 1) ? { start: i, items: all.map((it) => it.name) } : null;
}

/** The 落款 ending at `end`: unit line + date line, a date line alone, or `单位  日期` on one line. */
function signOffBefore(lines: readonly TailLine[], end: number, floor: number): { start: number; unit: string; date: string } | null {
  const last = lines[end - 1];
  if (end - 1 < floor || !last || last.table) return null;
  const date = parseDocumentDate(last.text);
  if (!date) {
    const m = /^(.+?)[\s\u3000]{2,}(\S.*)$/.exec(last.text);
    const joined = m && isUnit(m[1].trim()) ? parseDocumentDate(m[2]) : null;
    return joined ? { start: end - 1, unit: m![1].trim(), date: joined } : null;
  }
  const prev = lines[end - 2];
  if (end - 2 >= floor && prev && !prev.table && isUnit(prev.text) && !ATTACHMENT_HEAD.test(prev.text)) {
    return { start: end - 2, unit: prev.text, date };
  }
  return { start: end - 1, unit: "", date };
}

/**
 * Finds the 附件说明 and the 落款 among the last lines: the 落款 at the very end (or just before
 * an 附件说明 that ends the document), the 附件说明 at the end or just before the 落款. Items
 * must be numbered 1, 2, 3 … in order (one unnumbered item only as `附件：名称` alone).
 * @param lines the document's lines, trimmed, ads and title already removed or skipped.
 * @param floor the first index that may belong to the back matter (after title and 主送).
 * @returns `start` (= lines.length when nothing was found), the items and the 落款. Never throws.
 */
export function findBackMatter(lines: readonly TailLine[], floor: number): BackMatter {
  let end = lines.length;
  let signOff: BackMatter["signOff"] = null;
  let attachments: string[] = [];
  const takeSignOff = () => {
    const s = signOffBefore(lines, end, floor);
    if (s) [end, signOff] = [s.start, { unit: s.unit, date: s.date }];
  };
  takeSignOff();
  const att = attachmentsBefore(lines, end, floor);
  if (att) [end, attachments] = [att.start, att.items];
  if (!signOff && att) takeSignOff();
  return { start: end, attachments, signOff };
}
