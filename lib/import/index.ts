/**
 * The importer's entry points: an uploaded `.txt` / `.docx` file or pasted text → the outline
 * shown to the admin before a report is created (design.md, "Import"). Files and pasted text
 * from requests are parsed in a bounded worker thread (worker/run.ts, limits.ts).
 */
import { z } from "zod";
import { ImportError } from "./errors";
import { preflight, requireContent } from "./job";
import { MAX_XML_BYTES } from "./limits";
import { isZip } from "./word/read";
import { checkZipEntries } from "./zip";
import { parseSummary } from "./parse-outline";
import type { ImportResult } from "./types";
import { runInWorker } from "./worker/run";

export type { ImportedCell, ImportedSection, ImportedTable, ImportResult, NotImported } from "./types";
export { ImportError, isImportError, type ImportErrorCode } from "./errors";
export { MAX_IMPORT_BYTES } from "./limits";

const WORD_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml"];

const FileInput = z.object({
  bytes: z.instanceof(Uint8Array),
  filename: z.string().max(1000),
});

/**
 * Imports pasted text in the calling thread (tests, small text; requests use `importPastedText`).
 * @param text the document text.
 * @returns the parsed outline (see `parseLines`).
 * @throws ImportError "empty" when neither a preamble nor any section was recognised.
 */
export function importText(text: string): ImportResult {
  return requireContent(parseSummary(text));
}

/**
 * Imports pasted text in a bounded worker (off the event loop).
 * @throws ImportError "empty", "timeout", "too_complex"; see `runInWorker`.
 */
export async function importPastedText(text: string): Promise<ImportResult> {
  return runInWorker({ kind: "text", text });
}

/**
 * Imports an uploaded file in a bounded worker: `.docx` through its XML (styles, automatic
 * numbering, tables), `.doc`/`.wps` refused with the advice to save as .docx, anything else as
 * text (UTF-8, GB18030 or UTF-16). See job.ts and worker/run.ts.
 * @param input `bytes` of the file and its original `filename` (only the extension is used).
 * @returns the parsed outline.
 * @throws ImportError "unsupported" for .pdf/… or invalid input, "legacy_word", "not_docx",
 *   "binary", "too_large", "empty", and "timeout" / "too_complex" from the worker's limits.
 */
export async function importFile(input: { bytes: Uint8Array; filename: string }): Promise<ImportResult> {
  const parsed = FileInput.safeParse(input);
  if (!parsed.success) throw new ImportError("unsupported", "导入参数无效：需要文件内容和文件名。");
  // Refusals before a worker starts: size, legacy formats, the zip's directory, and lying
  // headers (capped inflating on the thread pool).
  preflight(parsed.data.bytes, parsed.data.filename);
  if (isZip(parsed.data.bytes)) await checkZipEntries(parsed.data.bytes, WORD_PARTS, MAX_XML_BYTES);
  return runInWorker({ kind: "file", bytes: parsed.data.bytes, filename: parsed.data.filename });
}
