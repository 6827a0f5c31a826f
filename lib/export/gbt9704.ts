/**
 * Page and type layout of Chinese official documents, GB/T 9704-2012 《党政机关公文格式》.
 * Units are named in every constant: mm, pt, twips (1/20 pt), half-points (w:sz).
 */

/** Twips per millimetre: 1440 twips per inch / 25.4 mm per inch. */
export const TWIPS_PER_MM = 1440 / 25.4; // 56.6929

/** Millimetres → twips, rounded to whole twips (Word stores integers). */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points → twips (1 pt = 20 twips). */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** A4 paper, GB/T 9704-2012 §5.2.1: 210 × 297 mm. */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const PAGE_TWIPS = { width: mmToTwips(210), height: mmToTwips(297) } as const; // 11906 × 16838

/**
 * Margins, GB/T 9704-2012 §5.2.2: 天头 (top) 37 mm, 订口 (left) 28 mm; 版心 156 × 225 mm,
 * so right = 210 − 28 − 156 = 26 mm and bottom = 297 − 37 − 225 = 35 mm.
 */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const MARGIN_TWIPS = {
  top: mmToTwips(MARGIN_MM.top), // 2098
  bottom: mmToTwips(MARGIN_MM.bottom), // 1984
  left: mmToTwips(MARGIN_MM.left), // 1587
  right: mmToTwips(MARGIN_MM.right), // 1474
} as const;

/** 版心 (text area), GB/T 9704-2012 §5.2.2: 156 mm wide, 225 mm high. */
export const TEXT_AREA_MM = {
  width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom,
} as const;

/** 22 lines of 28 characters per page, GB/T 9704-2012 §5.2.4. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Exact line pitch: 225 mm = 637.8 pt / 22 lines = 28.99 pt; Word templates for 公文 use
 * 579 twips (28.95 pt), which keeps 22 lines safely inside the text area. Used as w:spacing
 * line with lineRule "exact" on every paragraph.
 */
export const LINE_PITCH_TWIPS = 579;

/** Font sizes (字号), GB/T 9704-2012 §7.3.1 title 2号, §5.2.3 body 3号, §7.5 page number 4号. */
export const SIZE_PT = { title: 22, body: 16, pageNumber: 14 } as const;
export const SIZE_HALF_POINTS = { title: 44, body: 32, pageNumber: 28 } as const;

/** One body character (3号, 16 pt) in twips: the unit of "空二字", "空一字". */
export const BODY_CHAR_TWIPS = ptToTwips(SIZE_PT.body); // 320

/** First-line indent of body and headings, "段首空二字" (GB/T 9704-2012 §7.3.3). */
export const FIRST_LINE_INDENT = { twips: 2 * BODY_CHAR_TWIPS, chars: 200 } as const;

/**
 * 28 characters per 156 mm line although 28 × 16 pt = 448 pt > 442.2 pt (156 mm): every run
 * is condensed by 0.25 pt (w:spacing −5 twips), so 28 × 15.75 pt = 441 pt fits.
 */
export const CHAR_SPACING_TWIPS = -5;

/**
 * Section grid (ECMA-376 Part 1 §17.6.5 docGrid): type "default", i.e. no grid; the 22 lines
 * come from the exact 579-twip line spacing on every paragraph. Word templates use
 * type="linesAndChars" linePitch="579" charSpace="−849", but LibreOffice 7.4 renders that
 * with 14 characters per line (each 16 pt character takes two 15.79 pt cells) and even a
 * "lines" grid doubles the 22 pt title lines (docx cannot write paragraph w:snapToGrid).
 * Word honours exact spacing over any grid, so no grid loses nothing in Word.
 */
export const DOC_GRID = { type: "default", linePitch: LINE_PITCH_TWIPS } as const;

/**
 * Fonts. Title 方正小标宋简体 (§7.3.1), body 仿宋_GB2312 (§5.2.3), heading levels 黑体,
 * 楷体_GB2312, 仿宋_GB2312 bold, 仿宋_GB2312 (§7.3.3), page numbers 宋体 (§7.5). Latin text
 * and digits use Times New Roman, the usual pairing in 公文 templates.
 */
export const FONT = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  heading3: "仿宋_GB2312",
  heading4: "仿宋_GB2312",
  pageNumber: "宋体",
  draftMark: "黑体",
  latin: "Times New Roman",
} as const;

/**
 * Heading font and weight by level, GB/T 9704-2012 §7.3.3: "第一层用黑体字、第二层用楷体字、
 * 第三层和第四层用仿宋体字" — no level is bold. Many offices print level 3 bold: see
 * ExportOptions.boldLevel3 and headingLook().
 */
export const HEADING_STYLE: Record<1 | 2 | 3 | 4, { font: string; bold: boolean }> = {
  1: { font: FONT.heading1, bold: false },
  2: { font: FONT.heading2, bold: false },
  3: { font: FONT.heading3, bold: false },
  4: { font: FONT.heading4, bold: false },
};

/** Heading font and weight of a level with the level-3 bold option applied. */
export function headingLook(level: 1 | 2 | 3 | 4, boldLevel3 = false): { font: string; bold: boolean } {
  const base = HEADING_STYLE[level];
  return level === 3 && boldLevel3 ? { ...base, bold: true } : base;
}

/** Width of the 版心 in twips (156 mm, §5.2.2): tables span it exactly. */
export const TEXT_WIDTH_TWIPS = mmToTwips(TEXT_AREA_MM.width); // 8844

/**
 * Tables. GB/T 9704-2012 has no table style (§10 only places a table's page layout), so Hegao
 * prints what 公文 templates do: full single 0.5 pt black borders, 仿宋_GB2312 4号 (14 pt),
 * header row bold and centred, the table as wide as the 版心.
 */
export const TABLE = {
  font: FONT.body,
  sizeHalfPoints: 28,
  sizePt: 14,
  /** Exact line pitch inside cells: 22 pt for 14 pt type. */
  lineTwips: 440,
  /** w:sz of borders in eighths of a point: 4 = 0.5 pt. */
  borderEighths: 4,
  /** Cell padding left/right and top/bottom, twips (Word's default 108 = 1.9 mm). */
  cellMarginTwips: { leftRight: 108, topBottom: 29 },
} as const;

/** Height of the page-number line: exact 4号 (14 pt), in twips. */
export const PAGE_NUMBER_LINE_TWIPS = ptToTwips(SIZE_PT.pageNumber);

/** The 一字线 of the page number sits this far below the 版心, GB/T 9704-2012 §7.5. */
export const PAGE_NUMBER_BELOW_TEXT_MM = 7;

/**
 * Footer distance from the page's bottom edge, computed from the bottom margin: the dash of
 * "— 1 —" is drawn at the middle of its exact 14 pt line, and §7.5 puts it 7 mm below the
 * text area, so the line's middle is 35 − 7 = 28 mm above the edge and its bottom (what
 * w:footer measures) 28 mm − 7 pt ≈ 25.5 mm (1447 twips).
 */
export const FOOTER_TWIPS = mmToTwips(MARGIN_MM.bottom - PAGE_NUMBER_BELOW_TEXT_MM) - Math.round(PAGE_NUMBER_LINE_TWIPS / 2);
/** Header distance for the 征求意见稿 mark (not in GB/T 9704; Word's default 15 mm). */
export const HEADER_TWIPS = mmToTwips(15);

/** Page number text, §7.5: "— 1 —", 一字线 (U+2014) either side of the number. */
export const PAGE_NUMBER_DASH = "\u2014";

/** Language of the document, so Word/WPS apply Chinese line breaking and proofing. */
export const LANGUAGE = "zh-CN";
