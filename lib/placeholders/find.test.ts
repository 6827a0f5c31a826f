import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countPlaceholders, findPlaceholders, placeholderKey, placeholderKeys, type Placeholder } from "./find";

const SEEDS = path.resolve(__dirname, "../../../shared/fixtures/seeds");
const read = (name: string) => readFileSync(path.join(SEEDS, name), "utf8");

/** The placeholder found right after the first occurrence of `before` in `text`. */
function after(text: string, found: Placeholder[], before: string): Placeholder | undefined {
  const at = text.indexOf(before);
  expect(at, `context not in file: ${before}`).toBeGreaterThanOrEqual(0);
  return found.find((p) => p.start === at + before.length);
}

describe("findPlaceholders on the seed documents", () => {
  it("county-bureau: X党委, X个组, X名, X村, X万元, “X经济圈”", () => {
    const text = read("county-bureau-2020h1.txt");
    const found = findPlaceholders(text);
    expect(found.length).toBeGreaterThan(25);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(after(text, found, "2020年，")).toMatchObject({ text: "X", kind: "x-name" }); // X党委
    expect(after(text, found, "干部分为")).toMatchObject({ text: "X", kind: "x-count" }); // X个组
    expect(after(text, found, "二是选派")).toMatchObject({ text: "X", kind: "x-count" }); // X名
    expect(after(text, found, "一是作为")).toMatchObject({ text: "X", kind: "x-name" }); // X村
    expect(after(text, found, "村捐款")).toMatchObject({ text: "X", kind: "x-count" }); // X万元
    expect(after(text, found, "抓住“")).toMatchObject({ text: "X", kind: "x-name" }); // “X经济圈”
    expect(after(text, found, "够专业。")).toMatchObject({ text: "X", kind: "x-name" }); // X干部
  });

  it("enterprise-dept: the NBSP blank in `、   公司党委`, X次, 《X》X期", () => {
    const text = read("enterprise-dept-2020h1.txt");
    const found = findPlaceholders(text);
    const gap = after(text, found, "分公司党委、");
    expect(gap).toEqual({ start: gap!.start, end: gap!.start + 3, text: "\u00a0\u00a0 ", kind: "blank-run" });
    expect(after(text, found, "学习研讨共计")).toMatchObject({ text: "X", kind: "x-count" });
    expect(after(text, found, "持续开展《")).toMatchObject({ text: "X", kind: "x-name" });
    expect(after(text, found, "持续开展《X》")).toMatchObject({ text: "X", kind: "x-count" });
    expect(found.filter((p) => p.kind === "blank-run")).toHaveLength(2); // also the ad line's gap
  });

  it("group-company: XX地, XX场次, XX名, 《XX》", () => {
    const text = read("group-company-2020h1.txt");
    const found = findPlaceholders(text);
    expect(found).toHaveLength(12);
    expect(after(text, found, "组织党员赴")).toMatchObject({ text: "XX", kind: "x-name" });
    expect(after(text, found, "党建知识竞赛活动等共计")).toMatchObject({ text: "XX", kind: "x-count" });
    expect(after(text, found, "警示教育片《")).toMatchObject({ text: "XX", kind: "x-name" });
    expect(found.every((p) => p.text === "XX")).toBe(true);
  });
});

describe("findPlaceholders patterns", () => {
  const kinds = (s: string) => findPlaceholders(s).map((p) => `${p.kind}:${p.text}`);

  it("finds every kind of blank templates have", () => {
    expect(kinds("XXX党组、X党委、X村、X干部")).toEqual(["x-name:XXX", "x-name:X", "x-name:X", "x-name:X"]);
    expect(kinds("共X次，XX名，第X届")).toEqual(["x-count:X", "x-count:XX", "x-count:X"]);
    expect(kinds("20XX年X月X日")).toEqual(["x-date:XX", "x-date:X", "x-date:X"]);
    expect(kinds("学习《X》，全角Ｘ次、小写x名")).toEqual(["x-name:X", "x-count:Ｘ", "x-count:x"]);
    expect(kinds("**局、××单位、○○公司、某某同志")).toEqual(["asterisk:**", "asterisk:××", "asterisk:○○", "someone:某某"]);
    expect(kinds("数据（待补充），时间(待补充)，地点（待定）")).toEqual(["todo:（待补充）", "todo:(待补充)", "todo:（待定）"]);
    expect(kinds("【】《》“”（ ）")).toEqual(["empty-brackets:【】", "empty-title:《》", "empty-brackets:“”", "empty-brackets:（ ）"]);
    expect(kinds("报送____份")).toEqual(["blank-run:____"]);
  });

  it("finds runs of spaces inside a sentence only", () => {
    expect(kinds("分公司党委、   公司党委")).toEqual(["blank-run:   "]);
    expect(kinds("共计\u3000\u3000次")).toEqual(["blank-run:\u3000\u3000"]);
    expect(kinds("\u3000\u3000首行缩进。  \n    缩进\t\t制表符 单个空格 ")).toEqual([]);
  });

  it("does not flag real words with X", () => {
    for (const s of ["使用Xbox和XML", "用Excel统计", "拍X光片", "X射线检测", "x86服务器", "第XIV届", "Windows X", "3×4=12", "3 × 4", "某些单位", "**kwargs"]) {
      expect(findPlaceholders(s), s).toEqual([]);
    }
  });

  it("finds nothing in clean text", () => {
    const clean = "2020年上半年，集团公司党委组织学习12次，发展党员5名。\n（一）筑牢“主阵地”，让思想教育“实”起来。";
    expect(findPlaceholders(clean)).toEqual([]);
    expect(countPlaceholders(clean)).toBe(0);
  });
});

describe("placeholder keys and counting", () => {
  const text = "组织X次，X次，XX名，《X》";

  it("keys are kind:text:occurrence", () => {
    const found = findPlaceholders(text);
    expect(placeholderKeys(found)).toEqual(["x-count:X:0", "x-count:X:1", "x-count:XX:0", "x-name:X:0"]);
    expect(placeholderKey(found[1], found)).toBe("x-count:X:1");
    expect(() => placeholderKey({ ...found[1] }, found)).toThrow();
  });

  it("does not count placeholders marked as intended", () => {
    expect(countPlaceholders(text)).toBe(4);
    expect(countPlaceholders(text, ["x-count:X:1", "x-name:X:0", "unknown:key:0"])).toBe(2);
  });
});
