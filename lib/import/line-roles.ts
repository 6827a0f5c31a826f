/**
 * Unnumbered lines with a structural role: the document title, and part headings such as
 * `上半年主要工作` / `下半年工作安排` that group numbered headings (design.md, "Import").
 */
import { matchHeading } from "./headings";

// Words a summary's title carries: 2020年上半年党建工作总结, 述职报告, 工作要点 …
const TITLE_WORDS = /总结|工作|报告|汇报|情况|计划|要点|方案|述职|讲话|发言|材料|安排|打算|小结|综述/;
// Sentence punctuation: a line with it is prose, not a title or a part heading.
const SENTENCE_PUNCT = /[。！？!?；;：:，,]/;
// The usual parts of a work summary, recognised even when body text (not a numbered heading)
// follows them: 主要工作 / 存在的问题 / 下半年工作安排 / 下步打算 …
const PART_WORDS =
  /主要(工作|做法|成效|成绩|措施|问题|经验)|工作(开展)?(情况|成效|措施|举措|安排|计划|打算|思路|亮点|经验|体会)|存在(的)?(主要)?(问题|不足)|问题(和|及|与)不足|下(步|一步|半年)(工作)?(打算|安排|计划|思路|重点|举措|措施|工作)|基本情况|经验做法|意见建议|工作总结$/;
const DATE_ONLY = /^[0-9０-９]{4}年([0-9０-９]{1,2}月([0-9０-９]{1,2}日)?)?$/;

/**
 * Whether a line looks like a document title: short (≤ 50 characters), no sentence
 * punctuation, not a numbered heading, and naming the kind of document (总结/工作/报告 …).
 * @param line one trimmed line. Never throws.
 */
export function looksLikeTitle(line: string): boolean {
  if (line.length < 4 || line.length > 50) return false;
  if (/[。！？!?；;：:]/.test(line) || matchHeading(line)) return false;
  return TITLE_WORDS.test(line);
}

/**
 * Whether a line is an unnumbered part heading: a short line (≤ 20 characters) standing alone
 * without sentence punctuation that is either followed by a numbered heading, or (≤ 16
 * characters) is one of the usual parts of a summary (`PART_WORDS`). Lines like `一是…`,
 * `…如下` (the preamble's lead-in) and bare dates (a signature) never are.
 * @param line one trimmed line; @param next the following non-blank line, if any. Never throws.
 */
export function isPartHeading(line: string, next: string | undefined): boolean {
  if (line.length < 2 || line.length > 20 || SENTENCE_PUNCT.test(line)) return false;
  if (/^[一二三四五六七八九十]+是/.test(line) || /如下$/.test(line) || DATE_ONLY.test(line)) return false;
  if (matchHeading(line)) return false;
  if (next !== undefined && matchHeading(next)) return true;
  return line.length <= 16 && PART_WORDS.test(line);
}
