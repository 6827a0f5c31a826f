/**
 * Last pass over the package the docx library wrote: what the library cannot express.
 * - every WordprocessingML part's property elements in schema order (ooxml-order.ts);
 * - word/fontTable.xml with the faces and their fallbacks (docx-fonts.ts) instead of the
 *   library's empty table.
 * fflate (the zip library docx itself uses) keeps the pass to a few milliseconds.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { fontTableXml } from "./docx-fonts";
import { reorderXml } from "./ooxml-order";

/**
 * Rewrites the package. Takes the .docx bytes from docx's Packer; returns new .docx bytes
 * (DEFLATE, parts in the library's order, [Content_Types].xml first).
 * @throws Error when the bytes are not a zip or a part is not well-formed XML.
 */
export function finishPackage(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(parts)) {
    if (path.endsWith("/")) continue;
    if (path === "word/fontTable.xml") out[path] = strToU8(fontTableXml());
    else if (path.startsWith("word/") && path.endsWith(".xml")) out[path] = strToU8(reorderXml(strFromU8(data)));
    else out[path] = data;
  }
  return zipSync(out, { level: 6 });
}
