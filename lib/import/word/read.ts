/**
 * A .docx → the importer's source lines: paragraphs carry what their style and Word's automatic
 * numbering say (a numbered paragraph's text starts with the number Word shows, `一、` or
 * `（二）`, so it is judged like a typed number), tables come as tables. Every read is bounded
 * (zip.ts, limits.ts); this runs inside the import worker.
 */
import { ImportError } from "../errors";
import { MAX_XML_BYTES } from "../limits";
import type { SourceLine } from "../parse-outline";
import type { NotImported } from "../types";
import { listZip, readZipEntry, type ZipEntry } from "../zip";
import { readDocument, type WordParagraph } from "./document";
import { readNumbering, type Numbering } from "./numbering";
import { readStyles, type Styles } from "./styles";

/** True when `bytes` start with a zip local-file header ("PK\x03\x04"), as every .docx does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True for an OLE compound file (D0 CF 11 E0): a legacy .doc, .wps, .xls … */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** One paragraph → source lines: a heading keeps its line breaks as nothing, body text splits. */
function paragraphLines(p: WordParagraph, styles: Styles, numbering: Numbering): SourceLine[] {
  const style = styles.get(p.styleId);
  const numId = p.numId ?? style.numId;
  const number = numId ? numbering.next(numId, p.ilvl ?? style.ilvl ?? 0) : null;
  const outline = p.outline !== undefined ? (p.outline >= 0 && p.outline <= 8 ? p.outline : null) : style.outline;
  const text = (number ?? "") + p.text;
  if (outline !== null || style.title || number) return [{ text: text.replace(/\n+/g, ""), outline, title: style.title }];
  return text.split("\n").map((line) => ({ text: line }));
}

/**
 * Reads a .docx.
 * @param bytes the file (≤ 10 MB, checked by the caller).
 * @returns the source lines in document order and the counts of what was not imported.
 * @throws ImportError "not_docx" (not a zip, no word/document.xml, corrupt), "too_large"
 *   (entry count, declared or real decompressed size over the limits).
 */
export function readDocx(bytes: Uint8Array): { lines: SourceLine[]; notImported: NotImported } {
  if (!isZip(bytes)) throw new ImportError("not_docx");
  const entries = new Map<string, ZipEntry>(listZip(bytes).map((e) => [e.name, e]));
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry ? readZipEntry(bytes, entry, MAX_XML_BYTES) : undefined;
  };
  const documentXml = part("word/document.xml");
  if (!documentXml) throw new ImportError("not_docx", "压缩包中没有 word/document.xml，不是 Word 文档（.docx）。");
  const styles = readStyles(part("word/styles.xml"));
  const numbering = readNumbering(part("word/numbering.xml"));
  const body = readDocument(documentXml);
  const lines: SourceLine[] = [];
  for (const block of body.blocks) {
    if (block.kind === "table") {
      if (block.rows.length) lines.push({ text: "", table: { rows: block.rows } });
    } else lines.push(...paragraphLines(block, styles, numbering));
  }
  return { lines, notImported: body.skipped };
}
