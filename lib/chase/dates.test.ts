import { describe, expect, it } from "vitest";
import { chinaToday, clockTime, daysUntil, dueLabel, shortMoment } from "./dates";

describe("deadline dates in Asia/Shanghai", () => {
  it("counts whole days to a due date, across month ends", () => {
    expect(daysUntil("2026-07-10", "2026-07-07")).toBe(3);
    expect(daysUntil("2026-07-10", "2026-07-10")).toBe(0);
    expect(daysUntil("2026-06-30", "2026-07-02")).toBe(-2);
  });

  it("labels days left, the due day and overdue days", () => {
    expect([3, 1, 0, -2].map(dueLabel)).toEqual(["还剩 3 天", "还剩 1 天", "今天截止", "逾期 2 天"]);
  });

  it("uses China's day and clock, not UTC's", () => {
    const late = new Date("2026-07-07T16:30:00Z");
    expect(chinaToday(late)).toBe("2026-07-08");
    expect(clockTime(late)).toBe("00:30");
    expect(shortMoment(new Date("2026-07-08T06:05:00Z"), late)).toBe("14:05");
    expect(shortMoment(new Date("2026-07-01T06:05:00Z"), late)).toBe("7月1日 14:05");
  });
});
