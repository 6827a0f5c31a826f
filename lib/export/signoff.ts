/**
 * 落款 (organisation + date) placement without a seal, GB/T 9704-2012 §7.3.5.2:
 * the organisation is set "右空二字" one blank line below the body; the date goes on the next
 * line, its first character two characters right of the organisation's first character; when
 * that would leave less than two characters on the right, the date is set "右空二字" and the
 * organisation moves so it still starts two characters left of the date.
 */

/**
 * Printed width of a string in body characters: CJK and full-width forms count 1, ASCII and
 * other half-width characters (digits of 阿拉伯数字 dates) count 0.5.
 */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff\uff61-\uffdc]/.test(ch) ? 0.5 : 1;
  return width;
}

/** Right indents of the two 落款 lines, in body characters (multiply by 320 twips / 1em). */
export interface SignOffIndents {
  organisation: number;
  date: number;
}

/**
 * Right indents for the organisation and date lines, per GB/T 9704-2012 §7.3.5.2.
 * Takes the two strings; returns right indents in body characters (≥ 2 each), e.g.
 * ("某某市某某局", "2026年7月10日"): organisation 6 chars, date 6.5 chars, so the date gets
 * 2 and the organisation 4.5 (its first character stays 2 chars left of the date's).
 */
export function signOffIndents(organisation: string, date: string): SignOffIndents {
  const org = textWidthChars(organisation);
  const dat = textWidthChars(date);
  // Organisation right gap 2 and date starting 2 chars further right leave the date org − dat.
  const dateGap = org - dat;
  if (dateGap >= 2) return { organisation: 2, date: dateGap };
  return { organisation: 2 + dat + 2 - org, date: 2 };
}
