/**
 * Streaming XML reading for the .docx parts (saxes, a well-kept non-validating SAX parser):
 * no DOM is built, so a 20 MB document.xml costs its events, not a tree. DOCTYPEs and entities
 * other than the five XML ones are refused (no entity expansion at all).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ImportError } from "../errors";

/** Callbacks for one pass over a part. Tag names keep their prefix (`w:p`). */
export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

// Errors after which the parser can carry on and the text is still right: control characters
// (stripped later by the text hygiene) in text or as character references.
const RECOVERABLE = /^.*(disallowed character\.|malformed character entity\.)$/;
const CHUNK = 1 << 20;

/**
 * Parses `xml` (UTF-8 bytes) and calls the handlers in document order.
 * @param part the part's name, for the error message (`word/document.xml`).
 * @throws ImportError "not_docx" on malformed XML or a DOCTYPE; errors thrown by handlers pass.
 */
export function readXml(xml: Uint8Array, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("error", (err) => {
    if (!RECOVERABLE.test(err.message)) throw new ImportError("not_docx", `Word 文档的 ${part} 已损坏（XML 格式错误），无法读取。`);
  });
  parser.on("doctype", () => {
    throw new ImportError("not_docx", `Word 文档的 ${part} 含有 DOCTYPE 声明，不是 Word 生成的文件，已拒绝。`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(tag.name, (tag as SaxesTagPlain).attributes as Record<string, string>, tag.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(tag.name));
  }
  if (handlers.text) parser.on("text", handlers.text);
  // Decode in 1 MB chunks so the whole part never exists as one string next to its bytes.
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < xml.length; i += CHUNK) {
    parser.write(decoder.decode(xml.subarray(i, i + CHUNK), { stream: i + CHUNK < xml.length }));
  }
  parser.close();
}

/** The `w:val` attribute as an integer, or undefined. */
export function intVal(attrs: Record<string, string>, name = "w:val"): number | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}
