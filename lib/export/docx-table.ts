/**
 * Tables in the .docx export: as wide as the 版心 (156 mm), full single borders, 仿宋_GB2312
 * 4号, header row bold, centred and repeated on every page (see TABLE in gbt9704.ts).
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell as DocxCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from "docx";
import type { TableCell } from "./types";
import { TABLE, TEXT_WIDTH_TWIPS } from "./gbt9704";
import { textRuns } from "./docx-paragraphs";
import { columnFractions, layoutTable } from "./table-grid";

const BORDER = { style: BorderStyle.SINGLE, size: TABLE.borderEighths, color: "000000" } as const;
const SPACING = { line: TABLE.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function cellParagraph(cell: TableCell): Paragraph {
  return new Paragraph({
    // Left, not justified: a justified CJK cell line spreads its characters across the cell.
    alignment: cell.header ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: SPACING,
    indent: { firstLine: 0 },
    children: textRuns(cell.runs, { font: TABLE.font, size: TABLE.sizeHalfPoints, bold: cell.header }),
  });
}

/**
 * A docx Table for the rows of a table block. Takes the rows (cells with runs, header flag,
 * spans); returns a fixed-layout table whose columns (in proportion to their text,
 * columnFractions) sum to 8844 twips (156 mm).
 * A row whose cells are all header cells repeats at the top of every page (w:tblHeader).
 */
export function tableElement(input: readonly (readonly TableCell[])[]): Table {
  const laid = layoutTable(input);
  const { columns, rows, slots } = laid;
  const widths = columnFractions(laid).map((f) => Math.floor(f * TEXT_WIDTH_TWIPS));
  // The last column takes the rounding remainder so the table is exactly the 版心 wide.
  widths[columns - 1] += TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  const spanWidth = (r: number, cell: TableCell) => {
    const start = slots[r].findIndex((s) => s.cell === cell && s.origin);
    return widths.slice(start, start + (cell.colspan ?? 1)).reduce((a, b) => a + b, 0);
  };
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: {
      left: TABLE.cellMarginTwips.leftRight,
      right: TABLE.cellMarginTwips.leftRight,
      top: TABLE.cellMarginTwips.topBottom,
      bottom: TABLE.cellMarginTwips.topBottom,
    },
    rows: rows.map((cells, r) => {
      const header = cells.every((c) => c.header) && input[r]?.length > 0;
      return new TableRow({
        tableHeader: header && rows.slice(0, r).every((row) => row.every((c) => c.header)) ? true : undefined,
        cantSplit: true,
        children: cells.map(
          (cell) =>
            new DocxCell({
              width: { size: spanWidth(r, cell), type: WidthType.DXA },
              columnSpan: (cell.colspan ?? 1) > 1 ? cell.colspan : undefined,
              rowSpan: (cell.rowspan ?? 1) > 1 ? cell.rowspan : undefined,
              verticalAlign: VerticalAlignTable.CENTER,
              children: [cellParagraph(cell)],
            }),
        ),
      });
    }),
  });
}
