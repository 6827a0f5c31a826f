import { describe, expect, it } from "vitest";
import { findPlaceholders } from "@/lib/placeholders/find";
import { joinTableRow } from "./table-row";

describe("joinTableRow", () => {
  it("separates cells with ' | ' and trims them", () => {
    expect(joinTableRow(["指标 ", " 完成", "12"])).toBe("指标 | 完成 | 12");
  });

  it("never makes a blank run out of empty cells", () => {
    const line = joinTableRow(["甲", "", "  ", "丙", ""]);
    expect(line).toBe("甲 | | | 丙 |");
    expect(findPlaceholders(line)).toEqual([]);
    expect(findPlaceholders(joinTableRow(["发展党员X名", ""])).map((p) => p.text)).toEqual(["X"]);
  });
});
