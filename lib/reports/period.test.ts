import { describe, expect, it } from "vitest";
import { nextPeriod, nextTitle, parsePeriod, shiftDate, shiftMonths } from "./period";

describe("periods of a summary", () => {
  it("names the next period of the same kind", () => {
    expect(nextPeriod("2026年上半年")).toBe("2026年下半年");
    expect(nextPeriod("2026年下半年")).toBe("2027年上半年");
    expect(nextPeriod("2026年第四季度")).toBe("2027年第一季度");
    expect(nextPeriod("2026年12月")).toBe("2027年1月");
    expect(nextPeriod("2026年度")).toBe("2027年度");
    expect(nextPeriod("2026年")).toBe("2027年");
    expect(nextPeriod("近期")).toBe("");
    expect(parsePeriod("2026年第5季度")).toBeNull();
  });

  it("moves due dates by the distance between the periods, else by the old period's length, else a year", () => {
    expect(shiftMonths("2026年上半年", "2026年下半年")).toBe(6);
    expect(shiftMonths("2026年上半年", "2027年上半年")).toBe(12);
    expect(shiftMonths("2026年第一季度", "2026年第二季度")).toBe(3);
    expect(shiftMonths("2026年上半年", "下一期")).toBe(6);
    expect(shiftMonths("", "")).toBe(12);
  });

  it("shifts ISO dates by months, clamping to the month's last day", () => {
    expect(shiftDate("2026-06-30", 6)).toBe("2026-12-30");
    expect(shiftDate("2026-08-31", 6)).toBe("2027-02-28");
    expect(shiftDate("2027-08-31", 6)).toBe("2028-02-29");
    expect(shiftDate("2026-01-15", -1)).toBe("2025-12-15");
    expect(shiftDate(null, 6)).toBeNull();
  });

  it("replaces the period in the title", () => {
    expect(nextTitle("示例集团公司2026年上半年党建工作总结", "2026年上半年", "2026年下半年")).toBe("示例集团公司2026年下半年党建工作总结");
    expect(nextTitle("党建工作总结", "2026年上半年", "2026年下半年")).toBe("党建工作总结");
  });
});
