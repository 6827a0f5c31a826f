/**
 * The one error type of the importer. `code` is stable for callers (CLI exit messages, the
 * admin import page, the JSON API); `message` is a Chinese sentence meant for the admin.
 */

/** Why an import was refused. */
export type ImportErrorCode = "empty" | "binary" | "too_large" | "not_docx" | "unsupported" | "legacy_word" | "timeout" | "too_complex";

const DEFAULT_MESSAGES: Record<ImportErrorCode, string> = {
  empty: "文件内容为空，未识别到标题、开头段落或任何章节。",
  binary: "文件不是文本文件（含有二进制内容），请上传 .txt、.docx 或直接粘贴文字。",
  too_large: "文件过大，导入上限为 10 MB。",
  not_docx: "文件不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名。",
  unsupported: "不支持的文件格式，请上传 .txt 或 .docx，或直接粘贴文字。",
  legacy_word: "这是旧版 Word 或 WPS 文件（.doc / .wps），无法直接读取：请在 Word 或 WPS 中打开，「另存为」Word 文档（.docx）后再导入。",
  timeout: "文件解析超时（超过 10 秒），已停止。请检查文件，或另存为新的 .docx 后重试。",
  too_complex: "文件内容过于复杂，解析时超出内存上限，已停止。请另存为新的 .docx 或粘贴文字后重试。",
};

/** An import refused for a reason the admin can fix; `code` tells which. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  /**
   * @param code the reason, see `ImportErrorCode`.
   * @param message Chinese text for the admin; defaults to a standard message for `code`.
   * @param options standard `cause` to keep the underlying error (e.g. from zlib or the XML parser).
   */
  constructor(code: ImportErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code], options);
    this.name = "ImportError";
    this.code = code;
  }
}

/** True when `e` is an `ImportError` (also across module copies, by name and code). */
export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError || (e instanceof Error && e.name === "ImportError" && "code" in e);
}
