/**
 * The placeholder check over every printed part of a report (design.md "Documents": "The
 * placeholder check covers every printed part; finalize is refused while any blank remains"):
 * title, 主送, opening, each section's heading and body, each 附件 item and the 落款.
 * Shared by `import --dry-run`, the import preview and the report's own check (parts-model).
 */
import { findPlaceholders } from "./find";

/** The printed parts of a report, as the importer recognises them or the database stores them. */
export interface PrintedParts {
  title: string;
  /** 主送机关 (`县委、县政府`), "" when none. */
  addressee: string;
  /** The opening paragraph(s) before the first heading, joined with "\n". */
  opening: string;
  /** Sections in outline order; `id` when they exist in the database. */
  sections: { id?: string; title: string; body: string }[];
  /** 附件 item names without their numbers, in order. */
  attachments: string[];
  /** 落款: signing unit and 成文日期 (ISO `yyyy-mm-dd`), or null when none. */
  signOff: { unit: string; date: string } | null;
}

/** Which printed part a blank is in. */
export type PartName = "title" | "addressee" | "opening" | "heading" | "body" | "attachments" | "signOff";

/** How each part is named to people (zh-CN), for lists of blanks and counts per part. */
export const PART_LABELS: Record<PartName, string> = {
  title: "标题",
  addressee: "主送机关",
  opening: "开头段落",
  heading: "小标题",
  body: "正文",
  attachments: "附件说明",
  signOff: "落款",
};

/** One blank of a printed part: the blank itself and a short quote around it. */
export interface PartPlaceholder {
  part: PartName;
  /** The section's id for `heading` / `body` blanks when the section has one. */
  sectionId?: string;
  /** The blank as written (`X`, `**`, `（待补充）`, two spaces …). */
  text: string;
  /** Up to 10 characters either side of the blank, line breaks as spaces, `…` where cut. */
  context: string;
}

/** Characters of context on each side of a blank. */
const CONTEXT = 10;

/** The blanks of one text of one part, with their quoted context. */
function blanksOf(text: string, part: PartName, sectionId?: string): PartPlaceholder[] {
  return findPlaceholders(text).map((p) => {
    const from = Math.max(0, p.start - CONTEXT);
    const to = Math.min(text.length, p.end + CONTEXT);
    const context = `${from > 0 ? "…" : ""}${text.slice(from, to).replace(/\r?\n/g, " ")}${to < text.length ? "…" : ""}`;
    return sectionId === undefined ? { part, text: p.text, context } : { part, sectionId, text: p.text, context };
  });
}

/**
 * Every placeholder of every printed part, in print order: title, 主送, opening, then each
 * section's heading and body, then the 附件 items (each searched on its own), then the 落款's
 * unit and date. Rules of what counts as a blank: lib/placeholders/find.ts.
 * @param parts the printed parts; empty strings and a null 落款 simply yield nothing.
 * @returns one entry per blank; `sectionId` only on heading/body blanks of sections with an id.
 * Never throws.
 */
export function placeholdersOfParts(parts: PrintedParts): PartPlaceholder[] {
  const out: PartPlaceholder[] = [
    ...blanksOf(parts.title, "title"),
    ...blanksOf(parts.addressee, "addressee"),
    ...blanksOf(parts.opening, "opening"),
  ];
  for (const s of parts.sections) {
    out.push(...blanksOf(s.title, "heading", s.id), ...blanksOf(s.body, "body", s.id));
  }
  for (const item of parts.attachments) out.push(...blanksOf(item, "attachments"));
  if (parts.signOff) {
    out.push(...blanksOf(parts.signOff.unit, "signOff"), ...blanksOf(parts.signOff.date, "signOff"));
  }
  return out;
}
