/**
 * Export entry point: one call for every format offered to users.
 */
import type { AssembledDocument, ExportFormat, ExportOptions } from "./types";
import { exportDocx } from "./docx";
import { exportHtml } from "./html";
import { exportMarkdown } from "./markdown";
import { cleanDocument } from "./clean";

export type { AssembledDocument, AssembledSection, Block, ExportFormat, ExportOptions, Inline, TableCell } from "./types";
export { prosemirrorToBlocks, textToBlocks, blocksToText } from "./blocks";
export { exportDocx, exportHtml, exportMarkdown };

/** The exported file: bytes, MIME type for Content-Type, file extension without the dot. */
export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/**
 * Exports an assembled document. Takes the document, a format ("docx" | "md" | "html") and
 * ExportOptions (cleanDraft, boldLevel3, author; all optional); returns the file's bytes
 * (UTF-8 for md/html), its content type and extension. Control characters in any text are
 * removed first (clean.ts): no export ever contains one.
 * @throws RangeError for an unknown format (the format often comes from a URL query).
 */
export async function exportDocument(raw: AssembledDocument, format: ExportFormat, options: ExportOptions = {}): Promise<ExportedFile> {
  const doc = cleanDocument(raw);
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case "docx":
      return { bytes: await exportDocx(doc, options), contentType: CONTENT_TYPES.docx, extension: "docx" };
    case "md":
      return { bytes: encode(exportMarkdown(doc, options)), contentType: CONTENT_TYPES.md, extension: "md" };
    case "html":
      return { bytes: encode(exportHtml(doc, options)), contentType: CONTENT_TYPES.html, extension: "html" };
    default:
      throw new RangeError(`未知的导出格式: ${String(format)}`);
  }
}
