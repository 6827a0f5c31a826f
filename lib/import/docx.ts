/**
 * .docx → plain text, one paragraph per line, via mammoth's raw-text extraction. Formatting is
 * dropped on purpose: the outline is recognised from the typed heading numbers (公文 practice
 * types them as text), exactly as for a .txt file.
 */
import mammoth from "mammoth";
import { ImportError } from "./errors";
import { checkSize } from "./decode";

/** True when `bytes` start with a zip local-file header ("PK\x03\x04"), as every .docx does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Extracts the text of a .docx file.
 * @param bytes the file content.
 * @returns paragraphs separated by line breaks (mammoth puts a blank line between paragraphs;
 *   the parser drops blank lines).
 * @throws ImportError "empty" / "too_large" (see `checkSize`), "not_docx" when the bytes are
 *   not a zip or the zip is not a Word document (no word/document.xml, corrupt archive).
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  checkSize(bytes);
  if (!isZip(bytes)) throw new ImportError("not_docx");
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.extractRawText({ buffer });
    return result.value;
  } catch (cause) {
    throw new ImportError("not_docx", undefined, { cause });
  }
}
