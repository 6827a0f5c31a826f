/**
 * The importer's output: the outline a person would draw from an existing summary, shown to
 * the admin (with every removed line) before any report is created (design.md, "Import").
 */

/** One heading of the imported outline with the text under it (up to the next heading). */
export interface ImportedSection {
  /** 1..4; level 1 is `一、` or an unnumbered part heading such as `下半年工作安排`. */
  level: 1 | 2 | 3 | 4;
  /** Heading text without its number (`一、`, `（一）`, `1.`, `（1）`) and without a final `。`. */
  title: string;
  /**
   * Paragraphs joined with "\n": one paragraph per line, trimmed, no blank lines. A table of a
   * .docx is one line `［表格N：R行×C列］` (see tables.ts) standing for `ImportResult.tables[N-1]`.
   */
  body: string;
  /** Placeholders (`X次`, `《X》`, `（待补充）` …) found in title, body and its tables' cells. */
  placeholders: number;
}

/** One cell of an imported table: its paragraphs, its column span, whether it is a header cell. */
export interface ImportedCell {
  paragraphs: string[];
  colspan: number;
  header: boolean;
}

/** A table of a .docx (指标完成情况…): rows of cells. */
export interface ImportedTable {
  rows: ImportedCell[][];
}

/** What a .docx held that was not imported (counts). */
export interface NotImported {
  images: number;
  /** Embedded objects and charts. */
  objects: number;
  textBoxes: number;
}

/** Everything recognised in one imported document. */
export interface ImportResult {
  /** The document title (e.g. `2020年上半年党建工作总结`), "" when none was recognised. */
  title: string;
  /** 主送机关 without its colon (`县委、县政府`), "" when none: a short `…：` line after the title. */
  addressee: string;
  /** The opening paragraph(s) before the first heading, joined with "\n". */
  preamble: string;
  /** Headings in document order; the tree is implied by `level`. */
  sections: ImportedSection[];
  /** 附件说明 item names without their numbers, in order (`重点项目清单`); [] when none. */
  attachments: string[];
  /**
   * 落款 from the document's last lines: the signing unit ("" when only a date ends it) and the
   * 成文日期 as ISO `yyyy-mm-dd` (read from 汉字 `二〇二六年七月十日` or `2026年7月10日`); null when none.
   */
  signOff: { unit: string; date: string } | null;
  /** Lines dropped as advertising or watermarks, trimmed, in document order. */
  removed: string[];
  /** Tables referred to by marker lines in section bodies (empty for text). */
  tables: ImportedTable[];
  /** Images, objects and text boxes of a .docx that were not imported (zeros for text). */
  notImported: NotImported;
  /** Chinese sentences for the admin about what was not imported or was changed. */
  warnings: string[];
}
