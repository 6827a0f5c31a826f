/**
 * Reads a date as people type it in Chinese offices — `2026-06-30`, `2026/6/30`, `2026.6.30`,
 * `2026年6月30日`, `20260630` — into ISO `YYYY-MM-DD`, with a Chinese message when it is not a
 * date. Used by the app's own date field instead of the browser's `<input type="date">`, whose
 * `mm/dd/yyyy` and English messages follow the browser's language, not the page's.
 */

export type DateInputResult = { ok: true; iso: string } | { ok: false; message: string };

const PATTERNS = [
  /^(\d{4})\s*[-/.．年]\s*(\d{1,2})\s*[-/.．月]\s*(\d{1,2})\s*日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * Parses `text` (white space around it ignored; full-width digits accepted). Empty text is
 * `{ ok: true, iso: "" }` (no date). Years 1900–2999 only.
 */
export function parseDateInput(text: string): DateInputResult {
  const t = text.normalize("NFKC").trim();
  if (!t) return { ok: true, iso: "" };
  const m = PATTERNS.map((p) => p.exec(t)).find(Boolean);
  if (!m) return { ok: false, message: "请按“年-月-日”填写日期，如 2026-06-30" };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `没有这一天：${y}年${mo}月${d}日` };
  }
  return { ok: true, iso: `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}
