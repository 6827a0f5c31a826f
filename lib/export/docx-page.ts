/**
 * Page set-up of the .docx export: styles, A4 section with the 公文 margins, odd/even page-number
 * footers and the 征求意见稿 header.
 */
import { AlignmentType, Footer, Header, LineRuleType, PageNumber, Paragraph, TextRun } from "docx";
import type { ISectionPropertiesOptions, IStylesOptions } from "docx";
import {
  BODY_CHAR_TWIPS,
  CHAR_SPACING_TWIPS,
  DOC_GRID,
  FONT,
  FOOTER_TWIPS,
  HEADER_TWIPS,
  LANGUAGE,
  LINE_PITCH_TWIPS,
  MARGIN_TWIPS,
  PAGE_NUMBER_DASH,
  PAGE_TWIPS,
  SIZE_HALF_POINTS,
  headingLook,
  ptToTwips,
} from "./gbt9704";
import type { ExportOptions } from "./types";
import { runFont } from "./docx-paragraphs";
import { DRAFT_MARK } from "./marks";

// w:outlineLvl 0–3 (ECMA-376 Part 1 §17.3.1.20) on Heading 1–4: the navigation pane of Word,
// WPS and LibreOffice lists the headings, and a table of contents finds them.
const headingStyle = (level: 1 | 2 | 3 | 4, boldLevel3: boolean) => {
  const face = headingLook(level, boldLevel3);
  return {
    run: { font: runFont(face.font), size: SIZE_HALF_POINTS.body, bold: face.bold, color: "000000" },
    paragraph: { outlineLevel: level - 1 },
  };
};

/**
 * Styles: Normal = 3号 仿宋_GB2312 condensed 0.25 pt (East Asian language zh-CN, Latin en-US as
 * in Chinese Word) with exact 579-twip lines; Title and Heading 1–4 restyled to the
 * GB/T 9704-2012 faces (Heading 3 bold only with options.boldLevel3) and carrying outline
 * levels 0–3, so Word's navigation pane works without Word's blue heading look.
 */
export function documentStyles(options: ExportOptions = {}): IStylesOptions {
  const bold3 = options.boldLevel3 ?? false;
  const run = {
    font: runFont(FONT.body),
    size: SIZE_HALF_POINTS.body,
    characterSpacing: CHAR_SPACING_TWIPS, // also for text typed later in Word/WPS
    language: { value: "en-US", eastAsia: LANGUAGE },
  };
  const paragraph = { spacing: { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };
  return {
    // Normal repeats the defaults: some readers (LibreOffice) take the base size from the
    // Normal style alone, and Word's "Normal" dialog then shows the 公文 body settings.
    paragraphStyles: [{ id: "Normal", name: "Normal", quickFormat: true, run, paragraph }],
    default: {
      document: { run, paragraph },
      title: { run: { font: runFont(FONT.title), size: SIZE_HALF_POINTS.title, color: "000000" } },
      heading1: headingStyle(1, bold3),
      heading2: headingStyle(2, bold3),
      heading3: headingStyle(3, bold3),
      heading4: headingStyle(4, bold3),
    },
  };
}

/**
 * Section properties: A4 (11906 × 16838 twips), margins 37/35/28/26 mm (GB/T 9704-2012 §5.2),
 * footer FOOTER_TWIPS (the page number's dash 7 mm below the 版心, §7.5); 22 lines × 28 characters (§5.2.4) come from exact line spacing and condensed
 * runs, not from a document grid (see DOC_GRID).
 */
export function sectionProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
      margin: { ...MARGIN_TWIPS, header: HEADER_TWIPS, footer: FOOTER_TWIPS, gutter: 0 },
    },
    grid: { type: DOC_GRID.type, linePitch: DOC_GRID.linePitch },
  };
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  // GB/T 9704-2012 §7.5: 4号 半角宋体 digits between 一字线; odd pages right "空一字", even left.
  const font = runFont(FONT.pageNumber, FONT.pageNumber);
  const look = { font, size: SIZE_HALF_POINTS.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: BODY_CHAR_TWIPS } : { left: BODY_CHAR_TWIPS },
        spacing: { line: ptToTwips(14), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({ text: `${PAGE_NUMBER_DASH} `, ...look }),
          new TextRun({ children: [PageNumber.CURRENT], ...look }),
          new TextRun({ text: ` ${PAGE_NUMBER_DASH}`, ...look }),
        ],
      }),
    ],
  });
}

/** Footers: default (odd pages) right-aligned, even pages left-aligned; needs evenAndOddHeaders. */
export function pageFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter("odd"), even: pageNumberFooter("even") };
}

/**
 * Headers carrying 征求意见稿 (right-aligned, 黑体 16 pt) on odd and even pages for a draft;
 * undefined for a final version, so no header part is written at all.
 */
export function draftHeaders(draft: boolean): { default: Header; even: Header } | undefined {
  if (!draft) return undefined;
  const header = () =>
    new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ text: DRAFT_MARK, font: runFont(FONT.draftMark), size: SIZE_HALF_POINTS.body })],
        }),
      ],
    });
  return { default: header(), even: header() };
}
