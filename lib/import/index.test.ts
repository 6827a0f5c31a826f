import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importErrorCode, SAMPLE_LINES, sampleDocx } from "./test-helpers";
import { importFile, importText } from "./index";

const EXPECTED_OUTLINE = [
  { level: 1, title: "工作开展情况", body: "", placeholders: 0 },
  { level: 2, title: "落实主体责任", body: "组织学习X次。", placeholders: 1 },
  { level: 1, title: "下步工作计划", body: "一是强化学习。", placeholders: 0 },
];

describe("importFile", () => {
  it("imports a .docx: title, preamble, outline, removed ad line", async () => {
    const r = await importFile({ bytes: await sampleDocx(), filename: "总结.docx" });
    expect(r).toEqual({
      title: "2020年上半年党建工作总结",
      addressee: "",
      preamble: "上半年，我局认真落实党建工作责任。",
      sections: EXPECTED_OUTLINE,
      attachments: [],
      signOff: null,
      removed: ["仅供学习 禁止外传"],
      tables: [],
      notImported: { images: 0, objects: 0, textBoxes: 0 },
      warnings: [],
    });
  });

  it("recognises a .docx by its zip signature whatever the name", async () => {
    const r = await importFile({ bytes: await sampleDocx(), filename: "upload.bin" });
    expect(r.sections).toEqual(EXPECTED_OUTLINE);
  });

  it("imports a GB18030 .txt the same way", async () => {
    const text = SAMPLE_LINES.join("\r\n");
    const r = await importFile({ bytes: iconv.encode(text, "gb18030"), filename: "总结.txt" });
    expect(r.sections).toEqual(EXPECTED_OUTLINE);
    expect(r.removed).toEqual(["仅供学习 禁止外传"]);
  });

  it("refuses legacy formats, fake .docx files, binary and empty files", async () => {
    expect(await importErrorCode(() => importFile({ bytes: new TextEncoder().encode("x"), filename: "总结.doc" }))).toBe("legacy_word");
    expect(await importErrorCode(() => importFile({ bytes: new TextEncoder().encode("x"), filename: "总结.wps" }))).toBe("legacy_word");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await importErrorCode(() => importFile({ bytes: ole, filename: "总结.docx" }))).toBe("legacy_word");
    expect(await importErrorCode(() => importFile({ bytes: new TextEncoder().encode("x"), filename: "总结.pdf" }))).toBe("unsupported");
    expect(await importErrorCode(() => importFile({ bytes: new TextEncoder().encode("一、标题"), filename: "总结.docx" }))).toBe("not_docx");
    expect(await importErrorCode(() => importFile({ bytes: new Uint8Array([1, 0, 2, 0]), filename: "a.txt" }))).toBe("binary");
    expect(await importErrorCode(() => importFile({ bytes: new Uint8Array(), filename: "a.txt" }))).toBe("empty");
    expect(await importErrorCode(() => importFile({ bytes: "not bytes" as unknown as Uint8Array, filename: "a.txt" }))).toBe("unsupported");
  });
});

describe("importText", () => {
  it("refuses text with neither preamble nor sections", async () => {
    expect(() => importText("仅供学习 禁止外传\n\n2020年上半年工作总结\n")).toThrow(/没有识别到正文/);
    expect(await importErrorCode(() => importText("会员群：  免费QQ群："))).toBe("empty");
    expect(await importErrorCode(() => importText(""))).toBe("empty");
  });

  it("accepts text without headings as preamble only", () => {
    expect(importText("工作总结\n今年做了很多工作。")).toMatchObject({ preamble: "今年做了很多工作。", sections: [] });
  });
});
