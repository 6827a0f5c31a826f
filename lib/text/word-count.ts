/**
 * 字数: the one counting rule of Hegao, shown wherever a text's length is (editor status line,
 * history, import plan, review diff). It is the rule of WPS 文字's 字数统计 "字数": every Chinese
 * character counts one, every run of letters or digits (a "非中文单词": `Tiptap`, `2026`,
 * `3.5`, `COVID-19`, `X`) counts one, and punctuation, symbols and white space count nothing.
 */

const HAN = "\\p{Script=Han}";
const ALNUM = `(?:(?!${HAN})[\\p{L}\\p{N}\\p{M}])`;
// A word may join alphanumerics with . ' ’ - _ (3.5, don't, COVID-19, v1_2) as WPS does.
const TOKEN = new RegExp(`${HAN}|${ALNUM}+(?:[.'’\\-_]${ALNUM}+)*`, "gu");

/**
 * 字数 of `text` (any string, plain text of a document). Returns a non-negative integer.
 * Examples: `发展党员X名，覆盖率100%。` → 10 (8 汉字 + `X` + `100`); `，。！` → 0.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(TOKEN)) n++;
  return n;
}
