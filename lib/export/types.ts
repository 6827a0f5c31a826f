/**
 * The assembled document handed to the exporters: sections in outline order with their heading
 * numbers already computed (lib/outline/numbering.ts), content already converted to Blocks.
 */

/** A run of text; `text` may contain "\n" for a hard line break inside the paragraph. */
export type Inline = { text: string; bold?: boolean; italic?: boolean };

/**
 * One table cell: its paragraphs' runs (several paragraphs joined by "\n"), whether it is a
 * header cell (Tiptap `tableHeader`, printed bold) and its spans (≥ 1, from pasted tables).
 */
export interface TableCell { runs: Inline[]; header?: boolean; colspan?: number; rowspan?: number }

/** Body content: paragraphs, flat (non-nested) lists and simple tables (rows of cells). */
export type Block =
  | { type: "paragraph"; runs: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "table"; rows: TableCell[][] };

/** Review state of a section, as stored by the review workflow (lib/workflow/vocabulary.ts). */
import type { SectionState } from "@/lib/workflow/vocabulary";
export type { SectionState };

/** One section of the outline, ready to print. */
export interface AssembledSection {
  id: string;
  /** The full number label as computed by numberLabel: "一、", "（一）", "1.", "（1）". */
  number: string;
  title: string;
  level: 1 | 2 | 3 | 4;
  blocks: Block[];
  state: SectionState;
  departmentName?: string;
}

/** The whole document: a draft (征求意见稿) or an immutable final version. */
export interface AssembledDocument {
  title: string;
  /** 主送机关 (`县委、县政府`), printed flush left under the title with a full-width colon. */
  addressee?: string;
  /** The 落款's signing unit. */
  organisation: string;
  /**
   * 成文日期, ISO `2026-07-10` or already `2026年7月10日`; when given, the 落款 (organisation +
   * date) is printed, the date always in Arabic numerals (`2026年7月10日`, lib/text/cn-date.ts).
   */
  date?: string;
  preamble: Block[];
  sections: AssembledSection[];
  /** 附件说明 item names without numbers, in order; printed after the body, before the 落款. */
  attachments?: string[];
  /** true → marked 征求意见稿 (ignored when finalVersion is set). */
  draft: boolean;
  /** 第N版 of the finalized document; a final version carries no draft marks. */
  finalVersion?: number;
}

/**
 * How a document is printed; every field optional, the defaults follow GB/T 9704-2012.
 * - `cleanDraft`: a draft shows 征求意见稿 once, under the title, and no per-heading
 *   【未审定：…】 marks or page-header marks (for circulating a draft outside the office).
 * - `boldLevel3`: level-3 headings ("1.") bold, a local practice; §7.3.3 prints them in plain
 *   仿宋, so the default is false.
 * - `author`: display name of the exporting account, written as the .docx creator and
 *   lastModifiedBy (docProps/core.xml); the organisation when absent.
 */
export interface ExportOptions {
  cleanDraft?: boolean;
  boldLevel3?: boolean;
  author?: string;
}

/** Export formats offered to users. */
export type ExportFormat = "docx" | "md" | "html";
