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
