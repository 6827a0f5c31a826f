/**
 * The unresolved blanks of a report's printed parts, each with a stable key so the admin can
 * mark one "有意保留" at finalize. Pure: texts and marks in, list out.
 *
 * Two kinds of marks count: the editors' marks on a section's own text (`sections.
 * intendedPlaceholders`, keys of lib/placeholders/find.ts over that text: body and opening),
 * and the report's marks (`reports.intendedPlaceholders`, keys of `partPlaceholderKeys`).
 */
import { findPlaceholders, placeholderKeys } from "@/lib/placeholders/find";
import { placeholdersOfParts, type PartName, type PartPlaceholder, type PrintedParts } from "@/lib/placeholders/parts";

/** A blank of a printed part with its report-level key. */
export interface KeyedPartPlaceholder extends PartPlaceholder {
  /** `${part}:${sectionId ?? ""}:${text}:${n}`, n counting earlier blanks with the same part, section and text. */
  key: string;
}

/** Chinese names of the parts, as the dashboard and the refusal list show them. */
export const PART_LABELS: Record<PartName, string> = {
  title: "标题", addressee: "主送机关", opening: "开头", heading: "小标题", body: "正文", attachments: "附件说明", signOff: "落款",
};

/**
 * Keys of a list of part placeholders (parallel to it). A key survives edits anywhere except
 * adding or removing an earlier identical blank of the same part and section. Never throws.
 */
export function partPlaceholderKeys(list: readonly PartPlaceholder[]): string[] {
  const seen = new Map<string, number>();
  return list.map((p) => {
    const base = `${p.part}:${p.sectionId ?? ""}:${p.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}:${n}`;
  });
}

/** Marks that resolve blanks: the report's keys and each section's (and the opening's) own keys. */
export interface PartMarks {
  report: readonly string[];
  /** sectionId → the section's intended keys (find.ts keys over its text). */
  sections: ReadonlyMap<string, readonly string[]>;
  opening: readonly string[];
}

/**
 * The blanks of `parts` that no mark resolves, in print order, with their report-level keys.
 * Opening and body blanks are matched to the section's own keys by position: both lists come
 * from findPlaceholders over the same text, in the same order.
 */
export function unresolvedPartPlaceholders(parts: PrintedParts, marks: PartMarks): KeyedPartPlaceholder[] {
  const all = placeholdersOfParts(parts);
  const keys = partPlaceholderKeys(all);
  const ownKeys = new Map<string, string[]>(); // "opening" or "body:<id>" → find.ts keys
  ownKeys.set("opening", placeholderKeys(findPlaceholders(parts.opening)));
  for (const s of parts.sections) if (s.id) ownKeys.set(`body:${s.id}`, placeholderKeys(findPlaceholders(s.body)));
  const cursor = new Map<string, number>();
  const reportMarks = new Set(marks.report);
  const out: KeyedPartPlaceholder[] = [];
  all.forEach((p, i) => {
    const own = p.part === "opening" ? "opening" : p.part === "body" && p.sectionId ? `body:${p.sectionId}` : null;
    if (own) {
      const n = cursor.get(own) ?? 0;
      cursor.set(own, n + 1);
      const ownKey = ownKeys.get(own)?.[n];
      const intended = own === "opening" ? marks.opening : marks.sections.get(p.sectionId!) ?? [];
      if (ownKey && intended.includes(ownKey)) return;
    }
    if (reportMarks.has(keys[i])) return;
    out.push({ ...p, key: keys[i] });
  });
  return out;
}

/** Count of blanks per part (every part present, 0 when none). */
export function countByPart(list: readonly PartPlaceholder[]): Record<PartName, number> {
  const counts = Object.fromEntries(Object.keys(PART_LABELS).map((k) => [k, 0])) as Record<PartName, number>;
  for (const p of list) counts[p.part] += 1;
  return counts;
}
