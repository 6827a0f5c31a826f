import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative } from "./relative-time";

const now = new Date("2026-06-20T06:00:00Z"); // 14:00 in Shanghai

describe("formatRelative", () => {
  it.each([
    ["2026-06-20T05:59:40Z", "刚刚"],
    ["2026-06-20T05:45:00Z", "15 分钟前"],
    ["2026-06-20T01:00:00Z", "5 小时前"],
    ["2026-06-18T06:00:00Z", "2 天前"],
    ["2026-05-03T06:00:00Z", "5月3日"],
    ["2025-12-31T06:00:00Z", "2025-12-31"],
  ])("%s → %s", (iso, text) => {
    expect(formatRelative(new Date(iso), now)).toBe(text);
  });
  it("shows Shanghai time", () => {
    expect(formatDateTime(now)).toBe("2026-06-20 14:00");
  });
});
