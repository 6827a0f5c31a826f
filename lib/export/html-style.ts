/**
 * Print stylesheet of the HTML export: GB/T 9704-2012 page and type in CSS, with font
 * fallbacks for machines without the GB2312 / 方正 fonts.
 */
import { CHARS_PER_LINE, LINE_PITCH_TWIPS, MARGIN_MM, PAGE_NUMBER_BELOW_TEXT_MM, SIZE_PT, TABLE, TEXT_AREA_MM } from "./gbt9704";
import { DRAFT_MARK } from "./marks";

/** CSS font stacks: the official face first, then Windows, macOS and Linux equivalents. */
export const FONT_STACK = {
  body: `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif`,
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "SimSun", "Songti SC", "Noto Serif CJK SC", serif`,
  heading1: `"SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", sans-serif`,
  heading2: `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif`,
  pageNumber: `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif`,
} as const;

const LINE_PT = LINE_PITCH_TWIPS / 20; // 28.95 pt, 22 lines per page (§5.2.4)
const M = MARGIN_MM;
const PT_PER_MM = 72 / 25.4;

/**
 * Letter spacing that fits 28 characters of 16 pt in the 156 mm line (§5.2.4): 156 mm is
 * 442.2 pt and 28 × 16 pt = 448 pt, so each character gives up 0.25 pt (28 × 15.75 = 441 pt),
 * the same condensing as the .docx runs (CHAR_SPACING_TWIPS). Rounded down to 0.05 pt.
 */
export const LETTER_SPACING_PT = -Math.ceil((SIZE_PT.body - (TEXT_AREA_MM.width * PT_PER_MM) / CHARS_PER_LINE) * 20) / 20;

// Page number, §7.5: 4号 宋体 "— N —", its dash (the middle of a 14 pt line) 7 mm below the
// text area, odd pages right / even left, 空一字.
const pageNumber = (side: "right" | "left") =>
  `@bottom-${side} { content: "— " counter(page) " —"; font: ${SIZE_PT.pageNumber}pt/${SIZE_PT.pageNumber}pt ${FONT_STACK.pageNumber}; letter-spacing: 0; vertical-align: top; padding-top: calc(${PAGE_NUMBER_BELOW_TEXT_MM}mm - ${SIZE_PT.pageNumber / 2}pt); padding-${side}: 1em; }`;

// Every margin box the page numbers and the draft mark do not use, emptied: a page that
// defines its margin boxes prints no browser header or footer (date, title, URL).
const EMPTY_BOXES = ["top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "bottom-left-corner", "bottom-center", "bottom-right-corner", "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom"];
const emptyBoxes = (except: string[]) => EMPTY_BOXES.filter((b) => !except.includes(b)).map((b) => `@${b} { content: ""; }`).join(" ");

/**
 * The stylesheet. Takes `draft` (征求意见稿 on every page: page header and watermark) and
 * `boldLevel3`; returns CSS text with @page A4 and margins 37/26/35/28 mm, 16 pt body with
 * 28.95 pt lines, letter spacing for 28 characters a line and 2em first-line indent, title
 * 22 pt centred, heading faces per level (GB/T 9704-2012 §5.2, §7.3, §7.5), page numbers in
 * page-margin boxes and every other margin box emptied (no browser date/title in print),
 * bordered tables as wide as the text.
 */
export function htmlStyle({ draft = false, boldLevel3 = false }: { draft?: boolean; boldLevel3?: boolean } = {}): string {
  return `
@page { size: A4; margin: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; ${emptyBoxes(draft ? ["top-right"] : [])}${draft ? ` @top-right { content: "${DRAFT_MARK}"; font: ${SIZE_PT.body}pt ${FONT_STACK.heading1}; vertical-align: bottom; padding-bottom: 8mm; }` : ""} }
@page :right { ${pageNumber("right")} @bottom-left { content: ""; } }
@page :left { ${pageNumber("left")} @bottom-right { content: ""; } }
html { background: #e8e8e8; }
body { margin: 0; font: ${SIZE_PT.body}pt/${LINE_PT}pt ${FONT_STACK.body}; letter-spacing: ${LETTER_SPACING_PT}pt; color: #000; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); position: relative; }
p, h1, h2, h3, h4, h5 { margin: 0; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; font-weight: normal; }
p, h2, h3, h4, h5 { text-indent: 2em; text-align: justify; orphans: 1; widows: 1; } /* like the .docx: no widow control, full 22-line pages */
h1.doc-title { font: ${SIZE_PT.title}pt/${LINE_PT}pt ${FONT_STACK.title}; text-align: center; text-indent: 0; }
.after-title { height: ${LINE_PT}pt; }
h2 { font-family: ${FONT_STACK.heading1}; }
h3 { font-family: ${FONT_STACK.heading2}; }
h4 { font-family: ${FONT_STACK.body};${boldLevel3 ? " font-weight: bold;" : ""} } /* §7.3.3: plain 仿宋 unless boldLevel3 */
h5 { font-family: ${FONT_STACK.body}; }
h2, h3, h4, h5 { break-after: avoid; }
.marker { color: #c00000; }
p.draft-title { text-indent: 0; text-align: center; font-family: ${FONT_STACK.heading2}; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0; font-size: ${TABLE.sizePt}pt; line-height: ${TABLE.lineTwips / 20}pt; }
table.grid td, table.grid th { border: ${TABLE.borderEighths / 8}pt solid #000; padding: 0 ${TABLE.cellMarginTwips.leftRight / 20}pt; text-indent: 0; text-align: left; vertical-align: middle; font-weight: normal; }
table.grid th { font-weight: bold; text-align: center; }
table.grid tr { break-inside: avoid; }
section.unapproved { box-shadow: -6px 0 0 #f4b6b6; }
p.addressee { text-indent: 0; }
.attachments { margin-top: ${LINE_PT}pt; }
.attachments p { text-align: left; break-inside: avoid; }
.attachments .box { display: inline-block; text-indent: 0; white-space: nowrap; }
.signoff { margin-top: ${LINE_PT}pt; }
.signoff p { text-indent: 0; text-align: right; }
.draft-mark { position: absolute; top: 20mm; right: ${M.right}mm; font: ${SIZE_PT.body}pt ${FONT_STACK.heading1}; }
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font: 72pt ${FONT_STACK.heading1}; color: rgba(192,0,0,.12); transform: rotate(-30deg); pointer-events: none; z-index: 1; } /* over the white page; translucent */
@media print {
  html { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .draft-mark { display: none; } /* the @page header prints it on every page */
  section.unapproved { box-shadow: none; }
}
`;
}
