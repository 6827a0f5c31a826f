import { describe, expect, it } from "vitest";
import { cleanTextSchema, hasControls, stripControls } from "./hygiene";

describe("text hygiene", () => {
  it("strips NUL and other C0 controls but keeps tabs and line breaks", () => {
    expect(stripControls("一\u0000二\u0007三\t四\n五\r\n")).toBe("一二三\t四\n五\r\n");
    expect(stripControls("标题\n第二行", true)).toBe("标题 第二行");
  });
  it("detects controls repeatedly (no sticky regex state)", () => {
    expect(hasControls("a\u0000b")).toBe(true);
    expect(hasControls("a\u0000b")).toBe(true);
    expect(hasControls("正常文字\n")).toBe(false);
    expect(hasControls("正常\n", true)).toBe(true);
  });
  it("refuses controls in typed fields with a Chinese message", () => {
    const r = cleanTextSchema().safeParse("评论\u0000");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/控制字符/);
    expect(cleanTextSchema().safeParse("好的").success).toBe(true);
  });
});
