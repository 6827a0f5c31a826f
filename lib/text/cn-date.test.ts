import { describe, expect, it } from "vitest";
import { parseDocumentDate, printedDate } from "./cn-date";

describe("parseDocumentDate", () => {
  it.each([
    ["二〇二六年七月十日", "2026-07-10"],
    ["二○二○年十二月三十一日", "2020-12-31"],
    ["二〇二六年一月二十日", "2026-01-20"],
    ["二零二一年十一月廿一日", "2021-11-21"],
    ["2026年7月10日", "2026-07-10"],
    ["2026 年 7 月 10 日", "2026-07-10"],
    ["２０２６年７月１０日", "2026-07-10"],
    ["\u30002026年07月10日\u3000", "2026-07-10"],
    ["2026-07-10", "2026-07-10"],
    ["2026.7.10", "2026-07-10"],
  ])("reads %s", (line, iso) => expect(parseDocumentDate(line)).toBe(iso));

  it.each([
    "2026年7月", // no day: a period, not a 成文日期
    "2026年2月30日", // no such day
    "二〇二六年十三月一日",
    "二〇二六年七月四十日",
    "20XX年X月X日", // a template blank stays text
    "2026年7月10日召开会议",
    "上半年",
    "",
  ])("rejects %s", (line) => expect(parseDocumentDate(line)).toBeNull());
});

describe("printedDate", () => {
  it("prints ISO and 汉字 dates in Arabic numerals without leading zeros", () => {
    expect(printedDate("2026-07-10")).toBe("2026年7月10日");
    expect(printedDate("2026-01-05")).toBe("2026年1月5日");
    expect(printedDate("二〇二六年七月十日")).toBe("2026年7月10日");
    expect(printedDate("2026年7月10日")).toBe("2026年7月10日");
  });
  it("leaves text that is not a date as it is", () => {
    expect(printedDate(" 二〇二六年七月 ")).toBe("二〇二六年七月");
  });
});
