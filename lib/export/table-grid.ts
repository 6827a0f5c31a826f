/**
 * Lays a table block out on its grid of columns, so every exporter prints a rectangular table
 * whatever the editor or a paste produced (ragged rows, spans running past the last row).
 */
import type { TableCell } from "./types";

/** A table on its grid. */
export interface TableLayout {
  /** Number of grid columns (≥ 1). */
  columns: number;
  /** The rows with spans clipped to the table and empty cells added so each row fills the grid. */
  rows: TableCell[][];
  /** For each row and grid column: the cell covering it and whether it starts there. */
  slots: { cell: TableCell; origin: boolean }[][];
}

/** Printed width of a cell's text in characters (CJK 1, ASCII ½), its longest line. */
function cellChars(cell: TableCell): number {
  const text = cell.runs.map((r) => r.text).join("");
  return Math.max(0, ...text.split("\n").map((line) => [...line].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 0.5 : 1), 0)));
}

/**
 * Relative column widths (fractions summing to 1): each column in proportion to its longest
 * single-column cell, clamped to 2–16 characters so a long cell wraps instead of squeezing
 * the others, like Word's AutoFit to window.
 */
export function columnFractions(table: TableLayout): number[] {
  const weights = Array.from({ length: table.columns }, () => 2);
  table.slots.forEach((row) =>
    row.forEach((slot, c) => {
      if (slot.origin && (slot.cell.colspan ?? 1) === 1) weights[c] = Math.max(weights[c], Math.min(16, cellChars(slot.cell) + 1));
    }),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/**
 * Places cells left to right, skipping slots taken by a rowspan from above (HTML table model).
 * Takes the rows of a table block; returns the grid. Rowspans are clipped at the last row,
 * short rows padded with empty cells; never throws.
 */
export function layoutTable(input: readonly (readonly TableCell[])[]): TableLayout {
  const taken: boolean[][] = input.map(() => []);
  const rows: TableCell[][] = input.map(() => []);
  const slots: { cell: TableCell; origin: boolean }[][] = input.map(() => []);
  let columns = 1;
  input.forEach((cells, r) => {
    let c = 0;
    for (const original of cells) {
      while (taken[r][c]) c++;
      const rowspan = Math.min(original.rowspan ?? 1, input.length - r);
      const cell: TableCell = { ...original, colspan: original.colspan ?? 1, rowspan };
      rows[r].push(cell);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan!; dc++) {
          taken[r + dr][c + dc] = true;
          slots[r + dr][c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colspan!;
      columns = Math.max(columns, c);
    }
  });
  taken.forEach((row, r) => {
    for (let c = 0; c < columns; c++) {
      if (row[c]) continue;
      // Cells are packed to the left, so a gap is always at the row's end: append.
      const cell: TableCell = { runs: [], colspan: 1, rowspan: 1 };
      rows[r].push(cell);
      slots[r][c] = { cell, origin: true };
      row[c] = true;
    }
  });
  return { columns, rows, slots };
}
