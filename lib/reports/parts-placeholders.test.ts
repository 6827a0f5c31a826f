import { describe, expect, it } from "vitest";
import { countByPart, partPlaceholderKeys, unresolvedPartPlaceholders } from "./parts-placeholders";
import type { PrintedParts } from "@/lib/placeholders/parts";

const parts: PrintedParts = {
  title: "XX局2026年上半年工作总结",
  addressee: "",
  opening: "今年以来，X党委坚持……X党委带头。",
  sections: [{ id: "s1", title: "着力为XX发展", body: "开展X次学习。" }],
  attachments: ["X月台账"],
  signOff: { unit: "示例单位", date: "" },
};
const none = { report: [], sections: new Map<string, string[]>(), opening: [] };

describe("blanks of the printed parts", () => {
  it("keys repeat blanks of one part by their order, and differ between parts and sections", () => {
    const keys = partPlaceholderKeys(unresolvedPartPlaceholders(parts, none));
    expect(keys).toEqual(["title::XX:0", "opening::X:0", "opening::X:1", "heading:s1:XX:0", "body:s1:X:0", "attachments::X:0"]);
  });

  it("honours the editors' own marks on the opening and a body (find.ts keys), by position", () => {
    const left = unresolvedPartPlaceholders(parts, { report: [], sections: new Map([["s1", ["x-count:X:0"]]]), opening: ["x-name:X:1"] });
    expect(left.map((p) => p.key)).toEqual(["title::XX:0", "opening::X:0", "heading:s1:XX:0", "attachments::X:0"]);
    expect(left[1].context).toContain("X党委坚持");
  });

  it("honours the report's marks (有意保留 at finalize), and ignores marks of text that changed", () => {
    const left = unresolvedPartPlaceholders(parts, { ...none, report: ["heading:s1:XX:0", "title::XXX:0"] });
    expect(left.map((p) => p.part)).toEqual(["title", "opening", "opening", "body", "attachments"]);
    expect(countByPart(left)).toEqual({ title: 1, addressee: 0, opening: 2, heading: 0, body: 1, attachments: 1, signOff: 0 });
  });

  it("finds nothing in filled-in parts", () => {
    const clean: PrintedParts = { ...parts, title: "工作总结", opening: "今年以来。", sections: [{ id: "s1", title: "发展", body: "学习3次。" }], attachments: ["台账"] };
    expect(unresolvedPartPlaceholders(clean, none)).toEqual([]);
  });
});
