import { describe, expect, it } from "vitest";
import { docxToText, isZip } from "./docx";
import { importErrorCode, SAMPLE_LINES, sampleDocx } from "./test-helpers";

describe("docxToText", () => {
  it("extracts one paragraph per line", async () => {
    const bytes = await sampleDocx();
    expect(isZip(bytes)).toBe(true);
    const lines = (await docxToText(bytes)).split("\n").filter((l) => l.trim());
    expect(lines).toEqual(SAMPLE_LINES);
  });

  it("refuses random bytes and a zip that is not a Word document", async () => {
    const random = new Uint8Array(512).map((_, i) => (i * 7919 + 13) % 256);
    expect(await importErrorCode(() => docxToText(random))).toBe("not_docx");
    const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(100).fill(7)]);
    expect(await importErrorCode(() => docxToText(zipHeaderOnly))).toBe("not_docx");
    expect(await importErrorCode(() => docxToText(new Uint8Array()))).toBe("empty");
  });
});
