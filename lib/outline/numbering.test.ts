import { describe, expect, it } from "vitest";
import { chineseNumeral, computeNumbers, numberLabel, outlineOrder } from "./numbering";

describe("chineseNumeral", () => {
  it.each([
    [1, "一"], [9, "九"], [10, "十"], [11, "十一"], [20, "二十"], [35, "三十五"],
    [100, "一百"], [105, "一百零五"], [110, "一百一十"],
  ])("%i → %s", (n, s) => expect(chineseNumeral(n)).toBe(s));
  it("rejects 0 and fractions", () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe("numberLabel", () => {
  it("follows 一、（一）1.（1）", () => {
    expect([1, 2, 3, 4].map((l) => numberLabel(l, 2))).toEqual(["二、", "（二）", "2.", "（2）"]);
  });
  it("rejects level 5", () => expect(() => numberLabel(5, 1)).toThrow(/1 到 4/));
});

describe("computeNumbers", () => {
  const outline = [
    { id: "a", parentId: null, level: 1, position: 0 },
    { id: "a1", parentId: "a", level: 2, position: 0 },
    { id: "a2", parentId: "a", level: 2, position: 1 },
    { id: "a2x", parentId: "a2", level: 3, position: 0 },
    { id: "b", parentId: null, level: 1, position: 1 },
    { id: "b1", parentId: "b", level: 2, position: 0 },
  ];
  it("numbers per parent and restarts under each parent", () => {
    const n = computeNumbers(outline);
    expect(Object.fromEntries(n)).toEqual({ a: "一、", a1: "（一）", a2: "（二）", a2x: "1.", b: "二、", b1: "（一）" });
  });
  it("renumbers everything after a deleted section", () => {
    const n = computeNumbers(outline.filter((s) => s.id !== "a" && s.parentId !== "a" && s.id !== "a2x"));
    expect(n.get("b")).toBe("一、");
  });
  it("orders depth first", () => {
    expect(outlineOrder([...outline].reverse()).map((s) => s.id)).toEqual(["a", "a1", "a2", "a2x", "b", "b1"]);
  });
});
