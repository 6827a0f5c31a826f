/**
 * Last pass over the package the docx library wrote: what the library cannot express.
 * - every WordprocessingML part's property elements in schema order (ooxml-order.ts);
 * - word/fontTable.xml with the faces and their fallbacks (docx-fonts.ts) instead of the
 *   library's empty table.
 */
import JSZip from "jszip";
import { fontTableXml } from "./docx-fonts";
import { reorderXml } from "./ooxml-order";

/**
 * Rewrites the package. Takes the .docx bytes from docx's Packer; returns new .docx bytes
 * (DEFLATE, [Content_Types].xml first as the library wrote it).
 * @throws Error when the bytes are not a zip or a part is not well-formed XML.
 */
export async function finishPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir || !path.startsWith("word/") || !path.endsWith(".xml")) continue;
    if (path === "word/fontTable.xml") zip.file(path, fontTableXml());
    else zip.file(path, reorderXml(await file.async("string")));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
