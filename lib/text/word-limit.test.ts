import { describe, expect, it } from "vitest";
import { countWords } from "./word-count";
import { checkWordLimit, limitLabel, overLimitWarning } from "./word-limit";

describe("字数要求", () => {
  it("allows exactly the limit and warns one 字 over", () => {
    expect(checkWordLimit(800, 800)).toMatchObject({ over: false, excess: 0 });
    expect(overLimitWarning(checkWordLimit(800, 800))).toBeNull();
    const over = checkWordLimit(801, 800);
    expect(over).toMatchObject({ over: true, excess: 1 });
    expect(overLimitWarning(over)).toBe("本节 801 字，超出字数要求（不超过 800 字）1 字");
  });

  it("never warns without a limit", () => {
    expect(checkWordLimit(99_999, null).over).toBe(false);
    expect(checkWordLimit(5, undefined).limit).toBeNull();
    expect(limitLabel(null)).toBe("");
    expect(limitLabel(800)).toBe("不超过 800 字");
  });

  it("counts with the editor's rule: punctuation does not push a text over", () => {
    const text = "党建引领，发展有力。！！！？？？";
    expect(checkWordLimit(countWords(text), 8).over).toBe(false);
    expect(checkWordLimit(countWords(`${text}再加`), 8).excess).toBe(2);
  });
});
