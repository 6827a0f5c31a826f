import { describe, expect, it } from "vitest";
import { parseDateInput } from "./date-input";

describe("parseDateInput", () => {
  it("reads the ways dates are written in Chinese offices", () => {
    for (const t of ["2026-06-30", "2026/6/30", "2026.6.30", "2026年6月30日", "2026年06月30日", "20260630", " ２０２６－６－３０ "]) {
      expect(parseDateInput(t), t).toEqual({ ok: true, iso: "2026-06-30" });
    }
  });

  it("treats an empty field as no date", () => {
    expect(parseDateInput("  ")).toEqual({ ok: true, iso: "" });
  });

  it("says in Chinese what is wrong", () => {
    expect(parseDateInput("06/30/2026")).toEqual({ ok: false, message: "请按“年-月-日”填写日期，如 2026-06-30" });
    expect(parseDateInput("下周五")).toMatchObject({ ok: false });
    expect(parseDateInput("2026-02-30")).toEqual({ ok: false, message: "没有这一天：2026年2月30日" });
    expect(parseDateInput("2026-13-01")).toMatchObject({ ok: false });
  });
});
