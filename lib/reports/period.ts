/**
 * Periods of a summary (`reports.period`: 2026年上半年, 2026年下半年, 2026年度, 2026年第一季度,
 * 2026年7月) and what rolling a report forward derives from them: the next period, how many
 * months the due dates move, and the next title. Pure.
 *
 * Rules (documented for admins in the roll-forward dialog):
 * - the next period is the same kind of period right after it (上半年 → 下半年 → next 上半年,
 *   a quarter → the next quarter, a month → the next month, a year → the next year);
 * - due dates move by the distance between the two periods' starts in months (2026年上半年 →
 *   2026年下半年: +6; → 2027年上半年: +12); when either period cannot be read, by the old
 *   period's length, and by 12 months when that cannot be read either (an annual summary).
 */

/** A period read from its text: its first month (year × 12 + month index) and length in months. */
export interface ParsedPeriod {
  year: number;
  /** 0-based month the period starts in. */
  start: number;
  months: number;
  kind: "half" | "quarter" | "month" | "year";
  /** 年度 / 全年 / "" after the year of a whole-year period (kept when formatting the next). */
  yearSuffix: string;
}

const QUARTERS = ["一", "二", "三", "四"];

/** Reads a period such as 2026年上半年; null when it is not one of the known forms. */
export function parsePeriod(text: string): ParsedPeriod | null {
  const t = text.trim();
  let m = t.match(/^(\d{4})年(上半年|年中|下半年)$/);
  if (m) return { year: +m[1], start: m[2] === "下半年" ? 6 : 0, months: 6, kind: "half", yearSuffix: "" };
  m = t.match(/^(\d{4})年第([一二三四1-4])季度$/);
  if (m) {
    const q = QUARTERS.includes(m[2]) ? QUARTERS.indexOf(m[2]) : +m[2] - 1;
    return { year: +m[1], start: q * 3, months: 3, kind: "quarter", yearSuffix: "" };
  }
  m = t.match(/^(\d{4})年(\d{1,2})月(?:份)?$/);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { year: +m[1], start: +m[2] - 1, months: 1, kind: "month", yearSuffix: "" };
  m = t.match(/^(\d{4})年?(度|全年)?$/);
  if (m) return { year: +m[1], start: 0, months: 12, kind: "year", yearSuffix: m[2] ?? "" };
  return null;
}

function format(p: ParsedPeriod): string {
  switch (p.kind) {
    case "half": return `${p.year}年${p.start < 6 ? "上半年" : "下半年"}`;
    case "quarter": return `${p.year}年第${QUARTERS[p.start / 3]}季度`;
    case "month": return `${p.year}年${p.start + 1}月`;
    case "year": return `${p.year}年${p.yearSuffix}`;
  }
}

/** The period right after `period` (same kind), or "" when it cannot be read. */
export function nextPeriod(period: string): string {
  const p = parsePeriod(period);
  if (!p) return "";
  const first = p.year * 12 + p.start + p.months;
  return format({ ...p, year: Math.floor(first / 12), start: first % 12 });
}

/** Months the due dates move from period `from` to period `to` (rules in the module comment). */
export function shiftMonths(from: string, to: string): number {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (a && b) return b.year * 12 + b.start - (a.year * 12 + a.start);
  return a?.months ?? 12;
}

/**
 * An ISO date (YYYY-MM-DD) moved by `months` (may be negative); a day past the end of the
 * target month becomes its last day (2026-08-31 + 6 → 2027-02-28). null stays null.
 */
export function shiftDate(iso: string | null, months: number): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

/** The title with the old period replaced by the new one (示例2026年上半年总结 → 示例2026年下半年总结); unchanged when the old period is not in it. */
export function nextTitle(title: string, from: string, to: string): string {
  if (from && to && title.includes(from)) return title.replace(from, to);
  return title;
}

/** The same period one year later (2026年上半年 → 2027年上半年), or "" when it cannot be read. */
export function samePeriodNextYear(period: string): string {
  const p = parsePeriod(period);
  return p ? format({ ...p, year: p.year + 1 }) : "";
}
