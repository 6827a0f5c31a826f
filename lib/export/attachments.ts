/**
 * Layout of the 附件说明, GB/T 9704-2012 §7.3.4: "在正文下空一行左空二字编排‘附件’二字，后标全角
 * 冒号和附件名称。如有多个附件，使用阿拉伯数字标注附件顺序号（如‘附件：1.XXXXX’）；附件名称后不加
 * 标点符号。附件名称较长需回行时，应当与上一行附件名称的首字对齐。" One line per item: the first
 * starts 2 characters in with `附件：`, the numbers of the others stand under the first number,
 * and every wrapped line starts under the first character of its name (a hanging indent).
 */
import { textWidthChars } from "./signoff";

/** The label that opens the block. */
export const ATTACHMENT_LABEL = "附件：";

/** One printed line of the 附件说明, measured in body characters. */
export interface AttachmentLine {
  /** `附件：` on the first line, "" on the others. */
  label: string;
  /** `1.` … (Arabic numerals, half-width point), "" when there is a single item. */
  number: string;
  /** The name without trailing punctuation (§7.3.4: 附件名称后不加标点符号). */
  name: string;
  /** Left indent of the whole paragraph = where every name starts, in characters. */
  leftChars: number;
  /** How far the first line starts left of `leftChars`, in characters. */
  hangingChars: number;
  /** The width given to the number (the widest number's), in characters. */
  numberChars: number;
}

/** Left margin of the block: 左空二字. */
const LEFT = 2;

/**
 * The lines of the 附件说明 for `items` (names without numbers; blank names are skipped and
 * trailing `。；，` dropped). A single item prints `附件：名称` unnumbered, several print
 * `附件：1.名称` and `2.名称` … with the numbers aligned under `1.`.
 * @returns [] when there is no non-blank item. Never throws.
 */
export function attachmentLines(items: readonly string[]): AttachmentLine[] {
  const names = items.map((n) => n.trim().replace(/[。．.；;，,、]+$/, "")).filter(Boolean);
  if (names.length === 0) return [];
  const label = textWidthChars(ATTACHMENT_LABEL); // 3
  if (names.length === 1) {
    return [{ label: ATTACHMENT_LABEL, number: "", name: names[0], leftChars: LEFT + label, hangingChars: label, numberChars: 0 }];
  }
  const numberChars = textWidthChars(`${names.length}.`); // half-width digits and point
  const left = LEFT + label + numberChars;
  return names.map((name, i) => ({
    label: i === 0 ? ATTACHMENT_LABEL : "",
    number: `${i + 1}.`,
    name,
    leftChars: left,
    hangingChars: i === 0 ? label + numberChars : numberChars,
    numberChars,
  }));
}
