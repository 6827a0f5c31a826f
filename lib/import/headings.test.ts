import { describe, expect, it } from "vitest";
import { matchHeading, splitHeading } from "./headings";

describe("matchHeading", () => {
  it.each([
    ["一、工作开展情况", "cn", "工作开展情况"],
    ["十二、其他", "cn", "其他"],
    ["（一）落实主体责任", "paren-cn", "落实主体责任"],
    ["(一)落实主体责任", "paren-cn", "落实主体责任"],
    ["( 二 ) 落实主体责任", "paren-cn", "落实主体责任"],
    ["1.学习理论知识", "arabic", "学习理论知识"],
    ["2. 明确重点任务", "arabic", "明确重点任务"],
    ["2.\u00a0明确重点任务", "arabic", "明确重点任务"],
    ["3、推动宣传文化", "arabic", "推动宣传文化"],
    ["4．加强日常监督", "arabic", "加强日常监督"],
    ["１．全角数字", "arabic", "全角数字"],
    ["（1）严格党员管理", "paren-arabic", "严格党员管理"],
    ["(2)建强基层组织", "paren-arabic", "建强基层组织"],
    ["①深化创先争优", "circled", "深化创先争优"],
  ])("%s → %s", (line, kind, rest) => {
    expect(matchHeading(line)).toEqual({ kind, rest });
  });

  it.each([
    "一是认真清理本单位党组织队伍情况。",
    "二是选派X名产业发展专业干部。",
    "1.5万元用于购买鸡苗孵化器。",
    "2020年，X党委以习近平新时代中国特色社会主义思想为指导",
    "1、2季度经济运行平稳。",
    "上半年主要工作",
    "（待补充）",
  ])("not a heading: %s", (line) => {
    expect(matchHeading(line)).toBeNull();
  });
});

describe("splitHeading", () => {
  it("takes the first sentence as title and the rest as body", () => {
    expect(splitHeading("筑牢“主阵地”，让思想教育“实”起来。牢牢掌握意识形态的领导权。一是…")).toEqual({
      title: "筑牢“主阵地”，让思想教育“实”起来",
      body: "牢牢掌握意识形态的领导权。一是…",
    });
  });

  it("keeps a short heading whole and drops its final 。 or ：", () => {
    expect(splitHeading("工作开展情况")).toEqual({ title: "工作开展情况", body: "" });
    expect(splitHeading("严格党员管理。")).toEqual({ title: "严格党员管理", body: "" });
    expect(splitHeading("主要做法：")).toEqual({ title: "主要做法", body: "" });
  });

  it("does not split at a 。 inside quotes or book titles", () => {
    expect(splitHeading("学习《决定。》精神。组织学习X次。")).toEqual({ title: "学习《决定。》精神", body: "组织学习X次。" });
  });
});
