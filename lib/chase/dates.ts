/**
 * Calendar arithmetic of deadlines, in the organisation's time zone (Asia/Shanghai): due dates
 * are plain `YYYY-MM-DD` days, "today" is the day in China, and the 催报 rate-limit clock is
 * shown as HH:mm there.
 */
import { todayIso } from "@/lib/reports/dashboard";

export const TIME_ZONE = "Asia/Shanghai";
const DAY_MS = 86_400_000;

/** Today as YYYY-MM-DD in Asia/Shanghai at instant `now`. */
export function chinaToday(now: Date): string {
  return todayIso(TIME_ZONE, now);
}

/**
 * Whole days from `today` to `due` (both YYYY-MM-DD): 2 = due the day after tomorrow, 0 = due
 * today, -1 = it was due yesterday (overdue by one day).
 */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** "14:05": the clock time of `d` in Asia/Shanghai. */
export function clockTime(d: Date): string {
  return d.toLocaleTimeString("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false });
}

/** "14:05" when `d` is on the same China day as `now`, else "11月29日 14:05". */
export function shortMoment(d: Date, now: Date): string {
  if (chinaToday(d) === chinaToday(now)) return clockTime(d);
  const [, m, day] = chinaToday(d).split("-");
  return `${Number(m)}月${Number(day)}日 ${clockTime(d)}`;
}

/** The zh-CN phrase of a due date: 还剩 3 天 / 今天截止 / 逾期 2 天. */
export function dueLabel(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return "今天截止";
  return `逾期 ${-daysLeft} 天`;
}
