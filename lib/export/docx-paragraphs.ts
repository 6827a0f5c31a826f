/**
 * Paragraph builders for the .docx export: title, body, headings, lists and 落款, each with
 * direct formatting so the layout survives WPS and copy-paste into other documents.
 */
import { AlignmentType, HeadingLevel, LineRuleType, Paragraph, TextRun } from "docx";
import type { Inline } from "./types";
import { BODY_CHAR_TWIPS, CHAR_SPACING_TWIPS, FIRST_LINE_INDENT, FONT, LANGUAGE, LINE_PITCH_TWIPS, SIZE_HALF_POINTS, headingLook } from "./gbt9704";
import { DRAFT_TITLE_LINE } from "./marks";
import { signOffIndents } from "./signoff";

/** Run look: East Asian font, size in half-points, weight. */
export interface RunLook {
  font: string;
  size: number;
  bold?: boolean;
  color?: string;
}

const BODY: RunLook = { font: FONT.body, size: SIZE_HALF_POINTS.body };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

// Exact 28.95 pt lines (GB/T 9704-2012 §5.2.4, 22 lines per page); no space before/after so
// every line sits on the grid.
const SPACING = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
// "段首空二字": twips for renderers that ignore character units, chars for Word/WPS grids.
const INDENT = { firstLine: FIRST_LINE_INDENT.twips, firstLineChars: FIRST_LINE_INDENT.chars } as const;

/**
 * docx font options: the Chinese face as eastAsia, Times New Roman for Latin and digits.
 * Takes the East Asian font name; returns docx IFontAttributesProperties.
 */
export function runFont(eastAsia: string, latin: string = FONT.latin) {
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: "eastAsia" } as const;
}

/**
 * TextRuns for inline content in a given look; "\n" inside a run becomes a line break.
 * Inline bold/italic add to the look (never remove the heading's own bold).
 */
export function textRuns(runs: readonly Inline[], look: RunLook): TextRun[] {
  return runs.flatMap((run) =>
    run.text.split("\n").map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined, // w:br before the text of every line after the first
          font: runFont(look.font),
          size: look.size,
          bold: look.bold || run.bold || undefined,
          italics: run.italic || undefined,
          color: look.color,
          characterSpacing: CHAR_SPACING_TWIPS, // 28 characters per line, see gbt9704.ts
          language: { value: "en-US", eastAsia: LANGUAGE },
        }),
    ),
  );
}

/** Title line(s), GB/T 9704-2012 §7.3.1: 2号 (44 half-points) 方正小标宋简体, centred; "\n" splits lines. */
export function titleParagraphs(title: string): Paragraph[] {
  return title.split("\n").map(
    (line) =>
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        spacing: SPACING,
        children: textRuns([{ text: line }], { font: FONT.title, size: SIZE_HALF_POINTS.title }),
      }),
  );
}

/**
 * The "（征求意见稿）" line of a clean draft, under the title: centred, 3号 楷体_GB2312 (the face
 * 公文 use for such annotations under a title, like 第N版).
 */
export function draftTitleParagraph(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: SPACING,
    children: textRuns([{ text: DRAFT_TITLE_LINE }], { font: FONT.heading2, size: SIZE_HALF_POINTS.body }),
  });
}

/** An empty body line, e.g. "标题下空一行" (GB/T 9704-2012 §7.3.2). */
export function blankParagraph(): Paragraph {
  return new Paragraph({ spacing: SPACING, children: [] });
}

/** A body paragraph, GB/T 9704-2012 §5.2.3/§7.3.3: 3号 仿宋_GB2312, justified, first line indented 2 chars. */
export function bodyParagraph(runs: readonly Inline[], look: RunLook = BODY): Paragraph {
  return new Paragraph({ alignment: AlignmentType.BOTH, spacing: SPACING, indent: INDENT, children: textRuns(runs, look) });
}

/**
 * A heading as ONE paragraph with its number as text, e.g. "（一）工作举措"; fonts per level
 * GB/T 9704-2012 §7.3.3 (黑体 / 楷体_GB2312 / 仿宋_GB2312 / 仿宋_GB2312; level 3 bold when
 * `boldLevel3`), 16 pt, indented 2 chars. `marker` (e.g. 【未审定：审核中】) follows in the same
 * face, in red. The outline level comes from the Heading 1–4 style (docx-page.ts).
 */
export function headingParagraph(level: 1 | 2 | 3 | 4, text: string, marker?: string, boldLevel3 = false): Paragraph {
  const face = headingLook(level, boldLevel3);
  const look: RunLook = { font: face.font, size: SIZE_HALF_POINTS.body, bold: face.bold };
  const runs = textRuns([{ text }], look);
  if (marker) runs.push(...textRuns([{ text: marker }], { ...look, color: "C00000" }));
  return new Paragraph({ heading: HEADINGS[level - 1], alignment: AlignmentType.BOTH, spacing: SPACING, indent: INDENT, keepNext: true, children: runs });
}

/**
 * 落款 (GB/T 9704-2012 §7.3.5.2): a blank line, then organisation and date right-aligned; the
 * date as given (callers print it in Arabic numerals). Without an organisation only the date
 * line, 右空二字.
 */
export function signOffParagraphs(organisation: string, date: string): Paragraph[] {
  const indents = signOffIndents(organisation, date);
  const line = (text: string, rightChars: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: SPACING,
      indent: { right: Math.round(rightChars * BODY_CHAR_TWIPS) },
      // No automatic CJK/digit spacing: "2026年7月10日" must measure 6.5 characters, as assumed.
      autoSpaceEastAsianText: false,
      children: textRuns([{ text }], BODY),
    });
  if (!organisation.trim()) return [blankParagraph(), line(date, 2)];
  return [blankParagraph(), line(organisation, indents.organisation), line(date, indents.date)];
}
