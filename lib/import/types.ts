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
  /** Paragraphs joined with "\n": one paragraph per line, trimmed, no blank lines. */
  body: string;
  /** Placeholders (`X次`, `《X》`, `（待补充）` …) found in title and body. */
  placeholders: number;
}

/** Everything recognised in one imported document. */
export interface ImportResult {
  /** The document title (e.g. `2020年上半年党建工作总结`), "" when none was recognised. */
  title: string;
  /** The opening paragraph(s) before the first heading, joined with "\n". */
  preamble: string;
  /** Headings in document order; the tree is implied by `level`. */
  sections: ImportedSection[];
  /** Lines dropped as advertising or watermarks, trimmed, in document order. */
  removed: string[];
}
