import { describe, expect, it } from "vitest";
import { assignAll, canShift, flatNumbers, guessPeriod, mergeIntoPrevious, planFromImport, removeSection, shiftLevel, splitAtParagraph } from "./import-plan";

const plan = () =>
  planFromImport([
    { level: 1, title: "成效", body: "" },
    { level: 2, title: "甲", body: "甲一\n乙标题\n乙正文" },
    { level: 2, title: "丙", body: "丙文" },
    { level: 1, title: "问题", body: "问题文" },
  ]);

describe("import plan", () => {
  it("numbers a flat list like the outline", () => {
    expect(flatNumbers([1, 2, 2, 3, 3, 4, 1, 2])).toEqual(["一、", "（一）", "（二）", "1.", "2.", "（1）", "二、", "（一）"]);
  });

  it("indents and outdents with children, never breaking levels", () => {
    const p = plan();
    expect(canShift(p, 1, 1)).toBe(false); // 甲 has no previous sibling
    const indented = shiftLevel(p, 2, 1);
    expect(flatNumbers(indented.map((s) => s.level))).toEqual(["一、", "（一）", "1.", "二、"]);
    expect(canShift(p, 0, -1)).toBe(false);
    expect(flatNumbers(shiftLevel(p, 1, -1).map((s) => s.level))).toEqual(["一、", "二、", "（一）", "三、"]);
  });

  it("merges a section into the previous one and splits a paragraph into a new section", () => {
    const merged = mergeIntoPrevious(plan(), 2);
    expect(merged.map((s) => s.title)).toEqual(["成效", "甲", "问题"]);
    expect(merged[1].body).toBe("甲一\n乙标题\n乙正文\n丙\n丙文");
    const split = splitAtParagraph(plan(), 1, 1);
    expect(split.map((s) => `${s.level}${s.title}`)).toEqual(["1成效", "2甲", "3乙标题", "2丙", "1问题"]);
    expect(split[1].body).toBe("甲一");
    expect(split[2].body).toBe("乙正文");
  });

  it("deleting a heading lifts its children so levels stay valid", () => {
    expect(removeSection(plan(), 0).map((s) => s.level)).toEqual([1, 2, 1]);
  });

  it("assign all skips grouping headings (children and no text)", () => {
    expect(assignAll(plan(), "d1").map((s) => s.departmentId)).toEqual(["", "d1", "d1", "d1"]);
  });

  it("guesses the period from the title", () => {
    expect(guessPeriod("2020年上半年党建工作总结")).toBe("2020年上半年");
    expect(guessPeriod("2020年企业党建年中工作总结")).toBe("2020年");
    expect(guessPeriod("工作总结")).toBe("");
  });
});
