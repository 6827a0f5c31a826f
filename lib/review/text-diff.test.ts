import { describe, expect, it } from "vitest";
import { countWords } from "@/lib/text/word-count";
import { diffStats, diffTexts } from "./text-diff";

const join = (parts: { kind: string; text: string }[], keep: string) => parts.filter((p) => p.kind === "same" || p.kind === keep).map((p) => p.text).join("");

describe("diffTexts", () => {
  it("marks a first review as all added", () => {
    expect(diffTexts(null, "全文")).toEqual([{ kind: "added", text: "全文" }]);
  });

  it("diffs Chinese by words and reconstructs both texts", () => {
    const before = "上半年发展党员X名，确定入党积极分子12名。\n第二段不变。";
    const after = "上半年发展党员5名，确定入党积极分子15名。\n第二段不变。";
    const parts = diffTexts(before, after);
    expect(join(parts, "removed")).toBe(before);
    expect(join(parts, "added")).toBe(after);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["X", "12"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["5", "15"]);
    // 字数 as the editor counts: "X"→"5" and "12"→"15" are one word each.
    expect(diffStats(parts)).toEqual({ added: 2, removed: 2 });
  });

  it("counts added and removed 字数 with the editor's rule (punctuation and spaces count nothing)", () => {
    const parts = diffTexts("开展学习。", "开展专题学习，覆盖 COVID-19 防控 100 人。");
    const added = parts.filter((p) => p.kind === "added").map((p) => p.text).join("");
    expect(diffStats(parts).added).toBe(countWords(added));
    expect(diffStats(parts)).toEqual({ added: countWords("开展专题学习，覆盖 COVID-19 防控 100 人。") - countWords("开展学习。"), removed: 0 });
    expect(diffStats(diffTexts("甲，乙。", "甲、乙！"))).toEqual({ added: 0, removed: 0 });
  });

  it("keeps whitespace and line changes", () => {
    const parts = diffTexts("甲、   乙", "甲、丙乙");
    expect(join(parts, "removed")).toBe("甲、   乙");
    expect(join(parts, "added")).toBe("甲、丙乙");
  });
});
