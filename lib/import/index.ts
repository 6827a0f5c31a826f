/**
 * The importer's entry points: an uploaded `.txt` / `.docx` file or pasted text → the outline
 * shown to the admin before a report is created (design.md, "Import").
 */
import { z } from "zod";
import { decodeText } from "./decode";
import { docxToText, isZip } from "./docx";
import { ImportError } from "./errors";
import { parseSummary } from "./parse-outline";
import type { ImportResult } from "./types";

export type { ImportedSection, ImportResult } from "./types";
export { ImportError, isImportError, type ImportErrorCode } from "./errors";
export { MAX_IMPORT_BYTES } from "./decode";

const FileInput = z.object({
  bytes: z.instanceof(Uint8Array),
  filename: z.string().max(1000),
});

// Formats people try to upload that we cannot read; named so the message can say what to do.
const UNSUPPORTED = /\.(doc|wps|pdf|rtf|odt|xls|xlsx|ppt|pptx|jpg|jpeg|png)$/i;

/**
 * Imports pasted text.
 * @param text the document text.
 * @returns the parsed outline (see `parseSummary`).
 * @throws ImportError "empty" when neither a preamble nor any section was recognised.
 */
export function importText(text: string): ImportResult {
  const result = parseSummary(text);
  if (result.sections.length === 0 && result.preamble === "") {
    throw new ImportError("empty", "没有识别到正文：文件中没有开头段落，也没有任何标题或章节。");
  }
  return result;
}

/**
 * Imports an uploaded file: `.docx` (by extension or zip signature) through mammoth, anything
 * else as text (UTF-8, GB18030 or UTF-16, see `decodeText`).
 * @param input `bytes` of the file and its original `filename` (only the extension is used).
 * @returns the parsed outline.
 * @throws ImportError "unsupported" for .doc/.pdf/… or invalid input, "not_docx", "binary",
 *   "too_large", "empty" as raised by decoding and `importText`.
 */
export async function importFile(input: { bytes: Uint8Array; filename: string }): Promise<ImportResult> {
  const parsed = FileInput.safeParse(input);
  if (!parsed.success) throw new ImportError("unsupported", "导入参数无效：需要文件内容和文件名。");
  const { bytes, filename } = parsed.data;
  if (/\.docx$/i.test(filename) || isZip(bytes)) return importText(await docxToText(bytes));
  if (UNSUPPORTED.test(filename)) {
    const ext = filename.slice(filename.lastIndexOf("."));
    throw new ImportError("unsupported", `不支持 ${ext} 文件，请另存为 .docx 或 .txt 后再导入，或直接粘贴文字。`);
  }
  return importText(decodeText(bytes));
}
