import { describe, expect, it } from "vitest";
import { parseSummary } from "./parse-outline";
import type { ImportResult } from "./types";

const outline = (r: ImportResult) => r.sections.map((s) => `${s.level} ${s.title}`);
const doc = (...lines: string[]) => lines.join("\n");

describe("parseSummary", () => {
  it("reads ASCII (一), 1、 1． and （1） as nested levels 1..4", () => {
    const r = parseSummary(
      doc("2021年上半年工作总结", "今年以来，我局认真履职。", "一、主要工作", "(一)抓学习。组织学习X次。",
        "1、理论学习", "（1）集中学习。每月一次。", "(2)个人自学", "2．专题研讨", "(二)抓落实", "二、存在问题", "一是学习不深。"),
    );
    expect(r.title).toBe("2021年上半年工作总结");
    expect(r.preamble).toBe("今年以来，我局认真履职。");
    expect(outline(r)).toEqual(["1 主要工作", "2 抓学习", "3 理论学习", "4 集中学习", "4 个人自学", "3 专题研讨", "2 抓落实", "1 存在问题"]);
    expect(r.sections[1]).toEqual({ level: 2, title: "抓学习", body: "组织学习X次。", placeholders: 1 });
    expect(r.sections[3].body).toBe("每月一次。");
    expect(r.sections[7].body).toBe("一是学习不深。");
  });

  it("makes 1. level 1 when a document has no 一、", () => {
    const r = parseSummary(doc("科室工作总结", "1. 业务工作", "完成任务。", "2. 队伍建设", "（1）培训", "3. 下步打算"));
    expect(outline(r)).toEqual(["1 业务工作", "1 队伍建设", "2 培训", "1 下步打算"]);
  });

  it("makes unnumbered part headings level 1 and shifts numbered headings one deeper", () => {
    const r = parseSummary(
      doc("2020年上半年工作总结", "上半年主要工作", "一、抓党建", "（一）抓学习", "二、抓业务", "下半年工作安排", "一、抓落实", "存在的问题", "一是学习不深。"),
    );
    expect(outline(r)).toEqual(["1 上半年主要工作", "2 抓党建", "3 抓学习", "2 抓业务", "1 下半年工作安排", "2 抓落实", "1 存在的问题"]);
    expect(r.sections[6].body).toBe("一是学习不深。");
  });

  it("clamps nesting deeper than four levels to 4", () => {
    const r = parseSummary(doc("工作总结", "主要工作", "一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"));
    expect(r.sections.map((s) => s.level)).toEqual([1, 2, 3, 4, 4, 4]);
  });

  it("takes the signature and date after the last section as the 落款, not as its body", () => {
    const r = parseSummary(doc("工作总结", "一、工作", "做了工作。", "", "XX局办公室", "2020年7月10日"));
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0].body).toBe("做了工作。");
    expect(r.signOff).toEqual({ unit: "XX局办公室", date: "2020-07-10" });
  });

  it("takes a number alone on its line with the title on the next line", () => {
    const r = parseSummary(doc("工作总结", "一、", "工作开展情况", "正文。"));
    expect(outline(r)).toEqual(["1 工作开展情况"]);
    expect(r.sections[0].body).toBe("正文。");
  });

  it("has no title when the text starts with a sentence, and keeps lines above the title", () => {
    expect(parseSummary(doc("今年以来，我们做了很多工作。", "一、成效")).title).toBe("");
    const r = parseSummary(doc("XX集团公司党委", "2020年上半年党建工作总结", "开头。", "一、成效"));
    expect(r.title).toBe("2020年上半年党建工作总结");
    expect(r.preamble).toBe("XX集团公司党委\n开头。");
  });

  it("handles CRLF, indentation with full-width spaces, and blank lines", () => {
    const r = parseSummary("工作总结\r\n\r\n\u3000\u3000开头。\r\n一、成效\r\n\u3000\u3000正文。  \r\n");
    expect(r.preamble).toBe("开头。");
    expect(r.sections[0].body).toBe("正文。");
  });

  it("does not take a short first line for a part heading when no title was recognised", () => {
    const r = parseSummary(doc("XX县经信局", "一、成效", "正文。"));
    expect(r.preamble).toBe("XX县经信局");
    expect(outline(r)).toEqual(["1 成效"]);
  });

  it("does not take the preamble's lead-in line for a part heading", () => {
    const r = parseSummary(doc("工作总结", "现将有关情况报告如下", "一、成效"));
    expect(r.preamble).toBe("现将有关情况报告如下");
    expect(outline(r)).toEqual(["1 成效"]);
  });

  it("removes ads in the middle and at the end", () => {
    const r = parseSummary(doc("工作总结", "一、成效", "正文。", "更多资料请关注公众号", "二、问题", "正文。", "下载地址：http://example.com/x"));
    expect(r.removed).toEqual(["更多资料请关注公众号", "下载地址：http://example.com/x"]);
    expect(r.sections[1].body).toBe("正文。");
  });
});
