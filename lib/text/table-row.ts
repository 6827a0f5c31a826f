/**
 * One table row as one line of plain text, the form reviewers' diffs, the history and the
 * placeholder check read: cells separated by " | ".
 */

/**
 * Joins a row's cell texts. Takes the cells' texts (line breaks inside a cell already turned
 * into spaces); returns "甲 | 乙 | 丙". Each cell is trimmed and an empty cell leaves a single
 * space between its bars ("甲 | | 丙"), so the separators never form a run of blanks that the
 * placeholder check (lib/placeholders/find.ts, 2+ spaces inside a sentence) would count.
 */
export function joinTableRow(cells: readonly string[]): string {
  let line = "";
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (i > 0) line += text ? " | " : " |";
    line += text;
  });
  return line;
}
