/**
 * Dates as the dashboard and history show them, in China Standard Time: relative ("3 分钟前",
 * "昨天 14:05", "5月3日") and absolute ("2026-05-03 14:05").
 */

const TZ = "Asia/Shanghai";

/** "2026-05-03 14:05" in Asia/Shanghai. */
export function formatDateTime(d: Date): string {
  return d.toLocaleString("sv-SE", { timeZone: TZ, hour12: false }).slice(0, 16);
}

/**
 * A short relative time: 刚刚 (< 1 min), N 分钟前 (< 1 h), N 小时前 (< 24 h, same or previous
 * day), 昨天 HH:mm, N 天前 (< 7 days), else M月D日 (same year) or YYYY-MM-DD.
 */
export function formatRelative(d: Date, now = new Date()): string {
  const sec = Math.round((now.getTime() - d.getTime()) / 1000);
  if (sec < 60) return "刚刚";
  if (sec < 3600) return `${Math.floor(sec / 60)} 分钟前`;
  if (sec < 86_400) return `${Math.floor(sec / 3600)} 小时前`;
  const day = (x: Date) => x.toLocaleDateString("sv-SE", { timeZone: TZ });
  const yesterday = new Date(now.getTime() - 86_400_000);
  if (day(d) === day(yesterday)) return `昨天 ${formatDateTime(d).slice(11)}`;
  if (sec < 7 * 86_400) return `${Math.floor(sec / 86_400)} 天前`;
  const [y, m, dd] = day(d).split("-");
  return y === day(now).slice(0, 4) ? `${Number(m)}月${Number(dd)}日` : day(d);
}
