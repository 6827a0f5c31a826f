import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, MAX_IMPORT_BYTES } from "./decode";
import { importErrorCode } from "./test-helpers";

const SAMPLE = "2020年上半年党建工作总结\n一、工作开展情况\n（一）落实主体责任。组织学习X次。\n";
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("decodes UTF-8 with and without BOM, removing the BOM", () => {
    expect(decodeText(utf8(SAMPLE))).toBe(SAMPLE);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]))).toBe(SAMPLE);
  });

  it("decodes GB18030 / GBK bytes", () => {
    const gb = iconv.encode(SAMPLE + "“红色引擎·引领发展”、　公司党委", "gb18030");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    expect(decodeText(gb)).toBe(SAMPLE + "“红色引擎·引领发展”、　公司党委");
    expect(decodeText(iconv.encode(SAMPLE, "gbk"))).toBe(SAMPLE);
  });

  it("decodes UTF-16 LE and BE with BOM", () => {
    const le = iconv.encode(SAMPLE, "utf-16le");
    const be = iconv.encode(SAMPLE, "utf-16be");
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]))).toBe(SAMPLE);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toBe(SAMPLE);
  });

  it("refuses empty input and whitespace-only text", async () => {
    expect(await importErrorCode(() => decodeText(new Uint8Array()))).toBe("empty");
    expect(await importErrorCode(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf])))).toBe("empty");
    expect(await importErrorCode(() => decodeText(utf8(" \n\u3000\n")))).toBe("empty");
  });

  it("refuses binary data: NUL bytes or mostly control characters", async () => {
    expect(await importErrorCode(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14, 0x00])))).toBe("binary");
    expect(await importErrorCode(() => decodeText(new Uint8Array(200).map((_, i) => 1 + (i % 8))))).toBe("binary");
  });

  it("refuses input larger than 10 MB with a Chinese message", async () => {
    expect(MAX_IMPORT_BYTES).toBe(10 * 1024 * 1024);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    expect(await importErrorCode(() => decodeText(big))).toBe("too_large");
    expect(() => decodeText(big)).toThrow(/10 MB/);
    expect(decodeText(new Uint8Array(MAX_IMPORT_BYTES).fill(0x41))).toHaveLength(MAX_IMPORT_BYTES);
  });
});
