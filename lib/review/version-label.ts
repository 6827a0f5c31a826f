/**
 * The names people read for a section's frozen versions (issue 16): the submissions are counted
 * per section — 提交稿 1, 2, 3 — and an approval, which freezes a byte-for-byte copy of the last
 * submission, is named after it: "提交稿 3（已通过）". The database's running `number` (shared by
 * both kinds) is never shown. Every page (review, history, editor sidebar) asks this module.
 */
import { VERSION_KIND_LABELS } from "@/lib/workflow/vocabulary";

/** What labelling needs of a version row (`section_versions`). */
export interface VersionRef {
  id: string;
  /** Running number of the row within its section (1-based, both kinds). */
  number: number;
  kind: "submitted" | "approved";
}

/** A version's label and its submission ordinal (提交稿 n); ordinal 0 for an approval without a submission before it. */
export interface VersionLabel {
  label: string;
  ordinal: number;
  approved: boolean;
}

/**
 * Labels of all versions of one section, by version id. `versions` may come in any order.
 * @returns Map id → { label: "提交稿 2" | "提交稿 2（已通过）", ordinal, approved }
 */
export function versionLabels(versions: readonly VersionRef[]): Map<string, VersionLabel> {
  const out = new Map<string, VersionLabel>();
  let ordinal = 0;
  for (const v of [...versions].sort((a, b) => a.number - b.number)) {
    if (v.kind === "submitted") {
      ordinal += 1;
      out.set(v.id, { label: `${VERSION_KIND_LABELS.submitted} ${ordinal}`, ordinal, approved: false });
    } else {
      const label = ordinal > 0 ? `${VERSION_KIND_LABELS.submitted} ${ordinal}（已通过）` : VERSION_KIND_LABELS.approved;
      out.set(v.id, { label, ordinal, approved: true });
    }
  }
  return out;
}

/** The label of one version among `versions` ("提交稿 n…"), or "" when it is not among them. */
export function versionLabel(versions: readonly VersionRef[], id: string | null | undefined): string {
  return id ? versionLabels(versions).get(id)?.label ?? "" : "";
}

/**
 * What a review diff compares, said plainly: "与上次审核的提交稿 2 相比" or, when that version
 * was returned to the editors, "与上次退回时的提交稿 2 相比"; a first review says so.
 * @param base label of the version the diff starts from, or null on a first review
 * @param returned whether the base version was returned (退回修改)
 * @param stats added / removed 字数 (lib/text/word-count)
 */
export function diffCaption(base: string | null, returned: boolean, stats: { added: number; removed: number }): string {
  if (!base) return "首次审核：全文均为新增内容";
  const gap = /\d$/.test(base) ? " " : "";
  return `与上次${returned ? "退回时" : "审核"}的${base}${gap}相比：新增 ${stats.added} 字，删除 ${stats.removed} 字`;
}
