/**
 * The assembled document handed to the exporters: sections in outline order with their heading
 * numbers already computed (lib/outline/numbering.ts), content already converted to Blocks.
 */

/** A run of text; `text` may contain "\n" for a hard line break inside the paragraph. */
export type Inline = { text: string; bold?: boolean; italic?: boolean };

/** Body content: paragraphs and flat (non-nested) lists. */
export type Block =
  | { type: "paragraph"; runs: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

/** Review state of a section, as stored by the review workflow. */
export type SectionState = "draft" | "in_review" | "approved" | "changes_requested";

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
  organisation: string;
  /** 成文日期, e.g. "2026年7月10日"; when given, the 落款 (organisation + date) is printed. */
  date?: string;
  preamble: Block[];
  sections: AssembledSection[];
  /** true → marked 征求意见稿 (ignored when finalVersion is set). */
  draft: boolean;
  /** 第N版 of the finalized document; a final version carries no draft marks. */
  finalVersion?: number;
}

/** Export formats offered to users. */
export type ExportFormat = "docx" | "md" | "html";
