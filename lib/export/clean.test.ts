import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { exportDocument } from "./index";
import { sampleDocument } from "./sample-document";
import type { AssembledDocument } from "./types";

/** C0 controls other than LF (and CR, TAB, which no export writes either), and DEL. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/;

/** A document with controls everywhere a stored version or a title could carry them. */
function dirty(): AssembledDocument {
  const doc = sampleDocument({ title: "标题\u0000含NUL", organisation: "某某\u0007局", date: "2026年7月10日\u001b" });
  doc.preamble = [{ type: "paragraph", runs: [{ text: "开头\u0000第一段\t制表\r\n第二行" }] }];
  doc.sections[0] = { ...doc.sections[0], title: "上半年\u0008主要工作", blocks: [{ type: "list", ordered: true, items: [[{ text: "一项\u000c", bold: true }]] }] };
  return doc;
}

describe("exports never contain control characters", () => {
  it("md and html drop them and keep the text around them", async () => {
    for (const format of ["md", "html"] as const) {
      const text = new TextDecoder().decode((await exportDocument(dirty(), format)).bytes);
      expect(text, format).not.toMatch(CONTROL);
      expect(text).toContain("含NUL");
      expect(text).toContain("开头第一段");
      expect(text).toContain("主要工作");
    }
  });

  it("every XML part of the .docx is free of them (Word refuses such a file)", async () => {
    const zip = await JSZip.loadAsync((await exportDocument(dirty(), "docx")).bytes);
    const parts = Object.values(zip.files).filter((f) => f.name.endsWith(".xml"));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(await part.async("string"), part.name).not.toMatch(CONTROL);
    const body = await zip.file("word/document.xml")!.async("string");
    expect(body).toContain("开头第一段");
  });
});

describe("cleanDocument on tables", () => {
  it("strips control characters inside table cells", async () => {
    const { cleanDocument } = await import("./clean");
    const doc = cleanDocument({
      title: "标题", organisation: "单位", preamble: [],
      sections: [{ number: "一、", title: "节", level: 1, blocks: [{ type: "table", rows: [[{ runs: [{ text: "格\u0000子" }], header: true }]] }] }],
    } as unknown as Parameters<typeof cleanDocument>[0]);
    const block = doc.sections[0].blocks[0];
    expect(block.type === "table" && block.rows[0][0].runs[0].text).toBe("格子");
  });
});
