import { describe, expect, it } from "vitest";
import { countWords } from "./word-count";

describe("countWords (字数 as WPS counts it)", () => {
  it("counts each Chinese character and leaves punctuation out", () => {
    expect(countWords("坚持党建引领。")).toBe(6);
    expect(countWords("“三会一课”制度，落实到位！")).toBe(10);
    expect(countWords("，。！？；：“”‘’（）《》【】、…—")).toBe(0);
  });

  it("counts a run of letters or digits as one word", () => {
    expect(countWords("发展党员X名，覆盖率100%。")).toBe(10);
    expect(countWords("2026年上半年")).toBe(5);
    expect(countWords("Hegao supports WPS and Word")).toBe(5);
    expect(countWords("增长3.5个百分点")).toBe(7);
    expect(countWords("COVID-19防控")).toBe(3);
    expect(countWords("全角数字１２３项")).toBe(6);
  });

  it("does not count white space, line breaks or symbols", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  \n\t ")).toBe(0);
    expect(countWords("一、总体情况\n（一）主要做法")).toBe(10);
    expect(countWords("+ - * / % ¥ $ # @ &")).toBe(0);
  });

  it("gives the same count for the same text whatever its punctuation", () => {
    // The editor and the history page once disagreed (307 vs 346) on one text: punctuation.
    const plain = "全年共开展主题党日活动12次参与党员560人次";
    const punctuated = "全年共开展主题党日活动12次，参与党员560人次。";
    expect(countWords(punctuated)).toBe(countWords(plain));
    expect(countWords(punctuated)).toBe(20);
  });
});
