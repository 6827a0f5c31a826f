import { describe, expect, it } from "vitest";
import { diffCaption, versionLabel, versionLabels, type VersionRef } from "./version-label";

const v = (number: number, kind: VersionRef["kind"]): VersionRef => ({ id: `v${number}`, number, kind });

describe("versionLabels", () => {
  it("counts submissions 提交稿 1, 2, 3 and names an approval after the submission it copies", () => {
    // submit, return, submit, submit(after withdraw), approve
    const versions = [v(5, "approved"), v(1, "submitted"), v(2, "submitted"), v(4, "submitted")];
    const labels = versionLabels(versions);
    expect(labels.get("v1")?.label).toBe("提交稿 1");
    expect(labels.get("v2")?.label).toBe("提交稿 2");
    expect(labels.get("v4")?.label).toBe("提交稿 3");
    expect(labels.get("v5")?.label).toBe("提交稿 3（已通过）");
    expect(labels.get("v5")?.approved).toBe(true);
  });

  it("continues counting after a reopen: the next submission is not confused with the approval", () => {
    const labels = versionLabels([v(1, "submitted"), v(2, "approved"), v(3, "submitted"), v(4, "approved")]);
    expect([...labels.values()].map((l) => l.label)).toEqual(["提交稿 1", "提交稿 1（已通过）", "提交稿 2", "提交稿 2（已通过）"]);
  });

  it("answers empty for an unknown id and for none", () => {
    expect(versionLabel([v(1, "submitted")], "nope")).toBe("");
    expect(versionLabel([v(1, "submitted")], null)).toBe("");
    expect(versionLabel([v(1, "submitted")], "v1")).toBe("提交稿 1");
  });
});

describe("diffCaption", () => {
  it("says what the diff compares", () => {
    expect(diffCaption("提交稿 2", false, { added: 3, removed: 1 })).toBe("与上次审核的提交稿 2 相比：新增 3 字，删除 1 字");
    expect(diffCaption("提交稿 2", true, { added: 0, removed: 4 })).toBe("与上次退回时的提交稿 2 相比：新增 0 字，删除 4 字");
    expect(diffCaption("提交稿 1（已通过）", false, { added: 1, removed: 0 })).toBe("与上次审核的提交稿 1（已通过）相比：新增 1 字，删除 0 字");
    expect(diffCaption(null, false, { added: 9, removed: 0 })).toBe("首次审核：全文均为新增内容");
  });
});
