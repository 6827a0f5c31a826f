/**
 * Draft marks shared by every exporter, so .docx, Markdown and HTML say the same thing.
 */
import { isDone, stateLabel } from "@/lib/workflow/vocabulary";
import type { AssembledDocument, AssembledSection, ExportOptions } from "./types";

/** The draft marking printed in the header / at the top (common 公文 practice for drafts). */
export const DRAFT_MARK = "征求意见稿";

/**
 * Whether the document is printed as 征求意见稿.
 * Takes the document; returns true when `draft` is set and it is not a final version
 * (a final version never carries draft marks, design.md "Final document and export").
 */
export function isDraft(doc: AssembledDocument): boolean {
  return doc.draft && doc.finalVersion === undefined;
}

/**
 * Where a document shows 征求意见稿: "none" (not a draft), "pages" (the default: on every page —
 * .docx header, HTML page box and watermark, Markdown quote — plus 【未审定：…】 after headings
 * not approved) or "title" (options.cleanDraft: once, as "（征求意见稿）" under the title, and
 * no per-heading marks).
 */
export function draftMarking(doc: AssembledDocument, options: ExportOptions = {}): "none" | "pages" | "title" {
  if (!isDraft(doc)) return "none";
  return options.cleanDraft ? "title" : "pages";
}

/** The line printed under the title of a clean draft (draftMarking "title"). */
export const DRAFT_TITLE_LINE = `（${DRAFT_MARK}）`;

/**
 * The marker shown after a heading whose section is not approved, e.g. "【未审定：审核中】";
 * undefined for approved sections, for any section of a final version (a final version is
 * only made when every section is approved, so a mark there could only be noise) and for a
 * clean draft (options.cleanDraft).
 */
export function sectionMarker(doc: AssembledDocument, section: AssembledSection, options: ExportOptions = {}): string | undefined {
  if (doc.finalVersion !== undefined || isDone(section.state) || options.cleanDraft) return undefined;
  return `【未审定：${stateLabel(section.state)}】`;
}

/**
 * Heading text with the number written as text, never as Word list numbering:
 * ("一、", "总体情况") → "一、总体情况" (GB/T 9704-2012 §7.3.3 结构层次序数).
 */
export function headingText(section: AssembledSection): string {
  return `${section.number}${section.title}`;
}
