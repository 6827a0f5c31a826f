/**
 * One import, start to end, in the calling thread: bytes or pasted text → the outline. The
 * server never calls this on its event loop: `importFile` / `importPastedText` (index.ts) run
 * it in a bounded worker (worker/run.ts); the worker calls it.
 */
import { checkSize, decodeText } from "./decode";
import { ImportError } from "./errors";
import { parseLines, parseSummary } from "./parse-outline";
import type { ImportResult } from "./types";
import { isOle, isZip, readDocx } from "./word/read";
import { listZip } from "./zip";

/** What to import: an uploaded file, or pasted text. */
export type ImportJob = { kind: "file"; bytes: Uint8Array; filename: string } | { kind: "text"; text: string };

// Legacy Word / WPS binaries: readable only after "save as .docx".
const LEGACY = /\.(doc|dot|wps|wpt)$/i;
// Other formats people try to upload that we cannot read; named so the message can say what to do.
const UNSUPPORTED = /\.(pdf|rtf|odt|xls|xlsx|et|ppt|pptx|dps|jpg|jpeg|png)$/i;

/**
 * Refuses a result in which nothing was recognised.
 * @throws ImportError "empty" when neither a preamble nor any section was recognised.
 */
export function requireContent(result: ImportResult): ImportResult {
  if (result.sections.length === 0 && result.preamble === "") {
    throw new ImportError("empty", "没有识别到正文：文件中没有开头段落，也没有任何标题或章节。");
  }
  return result;
}

/**
 * The refusals that need no parsing, cheap enough for the request's thread (bounded: at most
 * 64 KB scanned for the zip's end record and 2,000 directory entries read): size, legacy Word /
 * WPS files, and a zip whose central directory declares too many entries or too many bytes.
 * @throws ImportError "empty", "too_large", "legacy_word", "not_docx".
 */
export function preflight(bytes: Uint8Array, filename: string): void {
  checkSize(bytes);
  if (LEGACY.test(filename) || isOle(bytes)) {
    const ext = LEGACY.exec(filename)?.[0] ?? ".doc";
    throw new ImportError("legacy_word", `这是旧版 Word / WPS 文件（${ext}），无法直接读取：请在 Word 或 WPS 中打开，「另存为」Word 文档（.docx）后再导入。`);
  }
  if (isZip(bytes)) listZip(bytes);
}

/**
 * Runs one import. `.docx` (by extension or zip signature) is read through its XML (styles,
 * numbering, tables; word/read.ts); `.doc`/`.wps` (by extension or OLE signature) are refused
 * with the advice to save as .docx; anything else is decoded as text (UTF-8, GB18030, UTF-16).
 * @returns the outline (see parse-outline.ts).
 * @throws ImportError: "empty", "too_large", "binary", "not_docx", "legacy_word", "unsupported".
 */
export function runImportJob(job: ImportJob): ImportResult {
  if (job.kind === "text") return requireContent(parseSummary(job.text));
  const { bytes, filename } = job;
  preflight(bytes, filename);
  if (/\.docx$/i.test(filename) || isZip(bytes)) {
    const { lines, notImported } = readDocx(bytes);
    return requireContent(parseLines(lines, notImported));
  }
  if (UNSUPPORTED.test(filename)) {
    const ext = filename.slice(filename.lastIndexOf("."));
    throw new ImportError("unsupported", `不支持 ${ext} 文件，请另存为 .docx 或 .txt 后再导入，或直接粘贴文字。`);
  }
  return requireContent(parseSummary(decodeText(bytes)));
}
