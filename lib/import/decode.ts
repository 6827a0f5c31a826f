/**
 * Bytes of a pasted or uploaded text file → string. Chinese summaries arrive as UTF-8 (with or
 * without BOM, as downloaded from the web), GB18030/GBK (saved by Notepad or WPS on a Chinese
 * Windows) or UTF-16 (Windows "Unicode", always with BOM).
 */
import iconv from "iconv-lite";
import { ImportError } from "./errors";
import { MAX_IMPORT_BYTES } from "./limits";

export { MAX_IMPORT_BYTES };

// Share of control / replacement characters above which decoded "text" is really binary data.
const MAX_BAD_CHAR_SHARE = 0.05;

/**
 * Throws the ImportError for input that cannot be a document at all.
 * @throws ImportError "empty" for zero bytes, "too_large" above `MAX_IMPORT_BYTES`.
 */
export function checkSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError("empty", "文件是空的（0 字节）。");
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new ImportError("too_large", `文件过大（${mb} MB），导入上限为 10 MB。`);
  }
}

/** The encoding named by a byte order mark, and the BOM length; null without a BOM. */
function bomEncoding(b: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be"; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return null;
}

/** True when the decoded text is mostly control or replacement characters (binary data). */
function looksBinary(text: string): boolean {
  let bad = 0;
  for (const ch of text) {
    // Tab, LF, VT, FF, CR are ordinary in text; other C0/C1 controls and U+FFFD are not.
    if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/.test(ch)) bad++;
  }
  return bad > 0 && bad / Math.max(1, text.length) > MAX_BAD_CHAR_SHARE;
}

/**
 * Decodes a text file: BOM first (UTF-8, UTF-16 LE/BE); without BOM valid UTF-8 is UTF-8 and
 * anything else is decoded as GB18030 (a superset of GBK/GB2312, the Chinese Windows default).
 * A leading BOM character is removed.
 * @param bytes the file content.
 * @returns the text, line endings untouched.
 * @throws ImportError "empty" (0 bytes or only a BOM/whitespace), "too_large" (> 10 MB),
 *   "binary" (NUL bytes without a UTF-16 BOM, or mostly control characters).
 */
export function decodeText(bytes: Uint8Array): string {
  checkSize(bytes);
  const bom = bomEncoding(bytes);
  const body = bytes.subarray(bom?.skip ?? 0);
  let text: string;
  if (bom) {
    text = new TextDecoder(bom.encoding).decode(body);
  } else {
    // NUL never occurs in UTF-8 or GB18030 text; in UTF-16 it does, but that always has a BOM here.
    if (body.includes(0)) throw new ImportError("binary");
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      text = iconv.decode(body, "gb18030");
    }
  }
  text = text.replace(/^\ufeff/, "");
  if (looksBinary(text)) throw new ImportError("binary");
  if (text.trim() === "") throw new ImportError("empty", "文件只有空白，没有文字内容。");
  return text;
}
