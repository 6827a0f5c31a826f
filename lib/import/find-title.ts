/**
 * Where an imported summary's title is (design.md "Import"): a Title-styled line of a .docx,
 * else the first title-like line among the short lines that open the document.
 */
import { matchHeading } from "./headings";
import { looksLikeTitle } from "./line-roles";

/** A source line as the title search needs it (see parse-outline.ts `SourceLine`). */
interface TitleLine {
  text: string;
  outline?: number | null;
  title?: boolean;
  table?: unknown;
}

/** Whether a .docx line is a Word heading (has an outline level from its style). */
export const isStyledHeading = (l: TitleLine) => l.outline !== undefined && l.outline !== null;

/**
 * Where the title is: a line styled as Title; else the first title-like line among the short
 * lines that open the document (before any heading or sentence), e.g. after an organisation
 * name. A Word heading there is the title only when it is the first line and no other line
 * has its outline level (a title styled Heading 1).
 * @param lines trimmed, non-blank lines without ads.
 * @returns the index of the title line, -1 when there is none. Never throws.
 */
export function findTitle(lines: readonly TitleLine[]): number {
  const styled = lines.findIndex((l) => l.title && !l.table);
  if (styled >= 0) return styled;
  for (let i = 0; i < lines.length; i++) {
    const { text, table } = lines[i];
    if (table || matchHeading(text) || /[。！？!?；;]$/.test(text) || text.length > 50) return -1;
    if (isStyledHeading(lines[i])) {
      const unique = lines.filter((l) => l.outline === lines[i].outline).length === 1;
      return i === 0 && unique && looksLikeTitle(text) ? i : -1;
    }
    if (looksLikeTitle(text)) return i;
  }
  return -1;
}
