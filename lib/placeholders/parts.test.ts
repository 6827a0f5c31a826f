import { describe, expect, it } from "vitest";
import { placeholdersOfParts, type PrintedParts } from "./parts";

const clean: PrintedParts = {
  title: "2026年上半年工作总结",
  addressee: "县委、县政府",
  opening: "今年以来，我局认真贯彻落实县委决策部署。",
  sections: [{ id: "s1", title: "主要工作", body: "完成培训12次。" }],
  attachments: ["重点项目清单"],
  signOff: { unit: "某县发展和改革局", date: "2026-07-10" },
};

describe("placeholdersOfParts", () => {
  it("finds nothing in a report without blanks", () => {
    expect(placeholdersOfParts(clean)).toEqual([]);
  });

  it("names the part of each blank, in print order, with the section id on heading and body", () => {
    const found = placeholdersOfParts({
      title: "20XX年上半年工作总结",
      addressee: "XX局",
      opening: "今年以来，我局完成X项任务。",
      sections: [
        { id: "s1", title: "抓好X项重点工作", body: "第一段。\n培训干部XX名，覆盖全局。" },
        { title: "无编号（待补充）", body: "" },
      ],
      attachments: ["重点项目清单", "**项目汇总表"],
      signOff: { unit: "XX县发展和改革局", date: "2026-07-10" },
    });
    expect(found.map((p) => [p.part, p.sectionId, p.text])).toEqual([
      ["title", undefined, "XX"],
      ["addressee", undefined, "XX"],
      ["opening", undefined, "X"],
      ["heading", "s1", "X"],
      ["body", "s1", "XX"],
      ["heading", undefined, "（待补充）"],
      ["attachments", undefined, "**"],
      ["signOff", undefined, "XX"],
    ]);
    // A section without an id has no sectionId key at all (JSON stays small).
    expect("sectionId" in found[5]).toBe(false);
  });

  it("quotes up to 10 characters either side, line breaks as spaces, … where cut", () => {
    const body = "一二三四五六七八九十甲乙\n培训干部XX名，覆盖全局各个科室和单位。";
    const [p] = placeholdersOfParts({ ...clean, sections: [{ id: "s", title: "工作", body }] });
    expect(p.context).toBe("…八九十甲乙 培训干部XX名，覆盖全局各个科室…");
    const [short] = placeholdersOfParts({ ...clean, addressee: "XX局" });
    expect(short.context).toBe("XX局");
  });

  it("checks the 落款 date too and ignores a null 落款", () => {
    const found = placeholdersOfParts({ ...clean, signOff: { unit: "发改局", date: "2026年X月X日" } });
    expect(found.map((p) => p.part)).toEqual(["signOff", "signOff"]);
    expect(placeholdersOfParts({ ...clean, signOff: null })).toEqual([]);
  });
});
