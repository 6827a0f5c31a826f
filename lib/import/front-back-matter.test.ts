/**
 * 主送, 附件说明 and 落款 in imported summaries (issue 12): each lands in its own part, none of
 * their lines in the opening or a section; the seeds import as before.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { addresseeOf } from "./addressee";
import { importFile, importText } from "./index";
import type { ImportResult } from "./types";

const FIXTURE = path.join(__dirname, "fixtures/parts-county-drc-2026h1.txt");
const SEEDS = path.resolve(__dirname, "../../../shared/fixtures/seeds");
const fixture = readFileSync(FIXTURE, "utf8");
const doc = (...lines: string[]) => lines.join("\n");
const everything = (r: ImportResult) => [r.preamble, ...r.sections.flatMap((s) => [s.title, s.body])].join("\n");

describe("the fixture with 主送, 附件 and 落款 (.txt)", () => {
  const r = importText(fixture);

  it("recognises 主送, 附件 and 落款 as parts", () => {
    expect(r.title).toBe("县发展和改革局2026年上半年工作总结");
    expect(r.addressee).toBe("县委、县政府");
    expect(r.attachments).toEqual(["上半年主要经济指标完成情况", "重点项目清单", "重点改革任务推进情况表"]);
    expect(r.signOff).toEqual({ unit: "XX县发展和改革局", date: "2026-07-10" });
  });

  it("keeps the opening without the 主送 line and the outline without 附件 items", () => {
    expect(r.preamble).toMatch(/^今年以来，XX县发展和改革局.*报告如下：$/);
    expect(r.sections.map((s) => [s.level, s.title])).toEqual([
      [1, "上半年工作开展情况"],
      [2, "项目建设提速增效"],
      [2, "经济运行总体平稳"],
      [3, "强化监测预警"],
      [3, "落实纾困政策"],
      [2, "重点改革纵深推进"],
      [1, "存在的问题"],
      [1, "下半年工作安排"],
      [2, "全力抓好项目建设"],
      [2, "持续优化营商环境"],
    ]);
    expect(r.sections.at(-1)!.body).toBe("进一步精简审批环节，提升企业和群众办事满意度。");
    for (const part of ["县委、县政府：", "附件", "重点项目清单", "2026年7月10日"]) expect(everything(r)).not.toContain(part);
    expect(everything(r)).not.toMatch(/\nXX县发展和改革局$/);
  });
});

describe("the same fixture as a .docx", () => {
  it("imports exactly as the text does (title styled, 落款 right-aligned, 附件 with a hanging indent)", async () => {
    const lines = fixture.split("\n").map((l) => l.trim()).filter(Boolean);
    const children = lines.map((text) => {
      const right = /^XX县发展和改革局$|^2026年/.test(text);
      const hanging = /^附件|^[23]\./.test(text);
      return new Paragraph({
        alignment: right ? AlignmentType.RIGHT : undefined,
        indent: hanging ? { left: 1600, hanging: 960 } : right ? { right: 1280 } : { firstLine: 640 },
        children: [new TextRun(text)],
      });
    });
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
    expect(await importFile({ bytes, filename: "总结.docx" })).toEqual(importText(fixture));
  });
});

describe("variants of the back matter", () => {
  const body = ["2026年工作总结", "一、主要工作", "做了工作。"];

  it("reads a 汉字 date and `附件：` followed by numbered lines", () => {
    const r = importText(doc(...body, "附件：", "1．项目清单", "2、资金明细", "某县农业农村局", "二〇二六年七月十日"));
    expect(r.attachments).toEqual(["项目清单", "资金明细"]);
    expect(r.signOff).toEqual({ unit: "某县农业农村局", date: "2026-07-10" });
    expect(r.sections.map((s) => s.title)).toEqual(["主要工作"]);
    expect(r.sections[0].body).toBe("做了工作。");
  });

  it("reads a single `附件：名称`, a spaced Arabic date, and unit and date on one line", () => {
    const r = importText(doc(...body, "附件：2026年上半年项目台账", "某县农业农村局\u3000\u30002026 年 7 月 1 日"));
    expect(r.attachments).toEqual(["2026年上半年项目台账"]);
    expect(r.signOff).toEqual({ unit: "某县农业农村局", date: "2026-07-01" });
  });

  it("takes a date alone as a 落款 without unit, and 附件 after the 落款", () => {
    const r = importText(doc(...body, "2026年7月10日", "附件：1.清单", "2.台账"));
    expect(r.signOff).toEqual({ unit: "", date: "2026-07-10" });
    expect(r.attachments).toEqual(["清单", "台账"]);
  });

  it("leaves numbered lines at the end as headings when no `附件：` opens them", () => {
    const r = importText(doc(...body, "二、下步打算", "1.重点项目清单", "2.资金保障"));
    expect(r.attachments).toEqual([]);
    expect(r.sections.map((s) => [s.level, s.title])).toEqual([[1, "主要工作"], [1, "下步打算"], [2, "重点项目清单"], [2, "资金保障"]]);
  });

  it("leaves an 附件 line in the middle of the text, out-of-order numbers and a blank date as body", () => {
    const mid = importText(doc(...body, "附件：见后。", "二、下步打算", "继续做。"));
    expect(mid.attachments).toEqual([]);
    expect(mid.sections[0].body).toBe("做了工作。\n附件：见后。");
    const order = importText(doc(...body, "附件：1.清单", "3.台账"));
    expect(order.attachments).toEqual([]);
    const blank = importText(doc(...body, "XX局", "20XX年X月X日"));
    expect(blank.signOff).toBeNull();
    expect(blank.sections[0].body).toBe("做了工作。\nXX局\n20XX年X月X日");
  });

  it("keeps a lead-in or a part heading with a colon after the title in the text", () => {
    const lead = importText(doc("2026年工作总结", "现将有关情况汇报如下：", "一、主要工作", "做了。"));
    expect(lead.addressee).toBe("");
    expect(lead.preamble).toBe("现将有关情况汇报如下：");
    const part = importText(doc("2026年工作总结", "主要工作：", "做了。"));
    expect(part.addressee).toBe("");
  });
});

describe("addresseeOf", () => {
  it.each([
    ["县委、县政府：", "县委、县政府"],
    ["集团公司党委:", "集团公司党委"],
    ["各乡镇人民政府，县直各部门：", "各乡镇人民政府，县直各部门"],
    ["尊敬的各位领导：", "尊敬的各位领导"],
  ])("reads %s", (line, name) => expect(addresseeOf(line)).toBe(name));
  it.each(["县委、县政府", "主要做法是：", "现将上半年工作汇报如下：", "一、县委：", "上半年，我局完成了以下工作：", "我们的体会："])(
    "rejects %s",
    (line) => expect(addresseeOf(line)).toBeNull(),
  );
});

describe.each(["county-bureau-2020h1.txt", "enterprise-dept-2020h1.txt", "group-company-2020h1.txt"])("seed %s", (name) => {
  it("has no 主送, 附件 or 落款 and keeps its last line in the last section", () => {
    const text = readFileSync(path.join(SEEDS, name), "utf8");
    const r = importText(text);
    expect([r.addressee, r.attachments, r.signOff]).toEqual(["", [], null]);
    const lastLine = text.split("\n").map((l) => l.trim()).filter(Boolean).at(-1)!;
    const last = r.sections.at(-1)!;
    const norm = (t: string) => t.replace(/[\s。]/g, "");
    expect(norm(`${last.title}${last.body}`).endsWith(norm(lastLine).replace(/^（[一二三四五六七八九十]+）/, ""))).toBe(true);
  });
});
