/**
 * Print stylesheet of the HTML export: GB/T 9704-2012 page and type in CSS, with font
 * fallbacks for machines without the GB2312 / 方正 fonts.
 */
import { LINE_PITCH_TWIPS, MARGIN_MM, SIZE_PT } from "./gbt9704";
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
// Page number, §7.5: 4号 宋体 "— N —", 7 mm below the text area, odd right / even left, 空一字.
const pageNumber = (side: "right" | "left") =>
  `@bottom-${side} { content: "— " counter(page) " —"; font: ${SIZE_PT.pageNumber}pt ${FONT_STACK.pageNumber}; vertical-align: top; padding-top: 7mm; padding-${side}: 1em; }`;

/**
 * The stylesheet. Takes whether the page is a draft; returns CSS text with @page A4 and
 * margins 37/26/35/28 mm, 16 pt body with 28.95 pt lines and 2em first-line indent, title
 * 22 pt centred, heading faces per level (GB/T 9704-2012 §5.2, §7.3, §7.5), page numbers in
 * page-margin boxes, and for a draft a 征求意见稿 header and watermark.
 */
export function htmlStyle(draft: boolean): string {
  return `
@page { size: A4; margin: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm;${draft ? ` @top-right { content: "${DRAFT_MARK}"; font: ${SIZE_PT.body}pt ${FONT_STACK.heading1}; vertical-align: bottom; padding-bottom: 8mm; }` : ""} }
@page :right { ${pageNumber("right")} }
@page :left { ${pageNumber("left")} }
html { background: #e8e8e8; }
body { margin: 0; font: ${SIZE_PT.body}pt/${LINE_PT}pt ${FONT_STACK.body}; color: #000; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); position: relative; }
p, h1, h2, h3, h4, h5 { margin: 0; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; font-weight: normal; }
p, h2, h3, h4, h5 { text-indent: 2em; text-align: justify; orphans: 1; widows: 1; } /* like the .docx: no widow control, full 22-line pages */
h1.doc-title { font: ${SIZE_PT.title}pt/${LINE_PT}pt ${FONT_STACK.title}; text-align: center; text-indent: 0; }
.after-title { height: ${LINE_PT}pt; }
h2 { font-family: ${FONT_STACK.heading1}; }
h3 { font-family: ${FONT_STACK.heading2}; }
h4 { font-family: ${FONT_STACK.body}; font-weight: bold; }
h5 { font-family: ${FONT_STACK.body}; }
h2, h3, h4, h5 { break-after: avoid; }
.marker { color: #c00000; }
section.unapproved { box-shadow: -6px 0 0 #f4b6b6; }
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
