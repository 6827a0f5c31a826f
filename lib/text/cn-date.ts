/**
 * 成文日期 as 公文 write it: `二〇二六年七月十日` (汉字, older documents and many downloads) or
 * `2026年7月10日` (阿拉伯数字, GB/T 9704-2012 §7.3.5.1 since 2012), read into ISO `yyyy-mm-dd`
 * and printed back in Arabic numerals. Used by the importer's 落款 recognition and the exporters.
 */
import { parseDateInput } from "./date-input";

// Zero is written 〇 (U+3007), ○ (U+25CB, a common look-alike), 零, or a letter O by mistake.
const DIGIT: Record<string, number> = {
  "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0,
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_DIGITS = "〇○零ＯOo0一二三四五六七八九";
const CN_DATE = new RegExp(`^([${CN_DIGITS}]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十廿卅]{1,3})日$`);

/** 一..十二 / 一..三十一 written as 汉字 (十, 十一, 二十, 二十一, 廿一, 卅一) → number, NaN otherwise. */
function smallNumber(text: string): number {
  const t = text.replace(/^廿/, "二十").replace(/^卅/, "三十");
  const m = /^([二三])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === "") return NaN;
  if (!m[2]) return m[1] ? NaN : DIGIT[m[3]];
  return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[3] ? DIGIT[m[3]] : 0);
}

/**
 * Reads a line that is only a full date into ISO `yyyy-mm-dd`: 汉字 (`二〇二六年七月十日`,
 * `二○二○年十二月三十一日`) or Arabic (`2026年7月10日`, full-width digits, `2026-07-10`,
 * `2026.7.10`), spaces anywhere ignored (`2026 年 7 月 10 日`, a right-aligned line padded with
 * U+3000). Impossible days (`2月30日`) and partial dates (`2026年7月`) are not dates.
 * @param line one line of text.
 * @returns the ISO date, or null. Never throws.
 */
export function parseDocumentDate(line: string): string | null {
  const t = line.normalize("NFKC").replace(/\s+/g, "");
  if (!t) return null;
  const cn = CN_DATE.exec(t);
  if (cn) {
    const year = [...cn[1]].map((c) => DIGIT[c]).join("");
    const [month, day] = [smallNumber(cn[2]), smallNumber(cn[3])];
    if (Number.isNaN(month) || Number.isNaN(day)) return null;
    const parsed = parseDateInput(`${year}-${month}-${day}`);
    return parsed.ok ? parsed.iso : null;
  }
  if (!/^\d{4}\D/.test(t) || (/年/.test(t) && !/日$/.test(t))) return null;
  const parsed = parseDateInput(t);
  return parsed.ok && parsed.iso ? parsed.iso : null;
}

/**
 * A date as printed in a 落款 (GB/T 9704-2012 §7.3.5.1: Arabic numerals, year in full, no
 * leading zeros): `2026-07-10` → `2026年7月10日`. Any other text (already `2026年7月10日`, or
 * `二〇二六年七月十日` from older data) is converted when it reads as a date, else returned trimmed.
 * Never throws.
 */
export function printedDate(date: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? date.trim() : parseDocumentDate(date);
  if (!iso) return date.trim();
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
