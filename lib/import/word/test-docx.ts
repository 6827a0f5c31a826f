/**
 * Test helpers (not used at runtime): .docx files written with JSZip from parts we control
 * (styles with Heading 1–4 / Title, a numbering.xml with Chinese levels, tables, pictures,
 * text boxes), and raw zip archives whose headers may lie (zip bombs).
 */
import zlib from "node:zlib";
import JSZip from "jszip";
import { matchHeading } from "../headings";
import { importText } from "../index";

/** A paragraph: text, optional style id, automatic numbering and direct outline level. */
export interface TestParagraph {
  text: string;
  style?: string;
  num?: { numId: number; ilvl: number };
  outline?: number;
}

/** A block of the test document: a paragraph, a table (rows of cell texts), or raw XML. */
export type TestBlock = TestParagraph | { table: string[][] } | { xml: string };

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Styles: Normal (default), Title, Heading1–4 (named "heading N"), and "Custom" based on Heading2. */
export const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
${[1, 2, 3, 4].map((n) => `<w:style w:type="paragraph" w:styleId="${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`).join("\n")}
<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="我的小标题"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="导语"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="c1"><w:name w:val="heading 1 Char"/></w:style>
</w:styles>`;

/** numId 1: `%1、` `（%2）` chineseCounting, `%3.` `（%4）` decimal (公文 levels, GB/T 9704 §7.3.3). */
export const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

function paragraphXml(p: TestParagraph): string {
  const ppr = [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : "",
    p.num ? `<w:numPr><w:ilvl w:val="${p.num.ilvl}"/><w:numId w:val="${p.num.numId}"/></w:numPr>` : "",
    p.outline !== undefined ? `<w:outlineLvl w:val="${p.outline}"/>` : "",
  ].join("");
  // Split the text over two runs, as Word does after an edit.
  const mid = Math.floor(p.text.length / 2);
  const runs = [p.text.slice(0, mid), p.text.slice(mid)].map((t) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join("");
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ""}${runs}</w:p>`;
}

function tableXml(rows: string[][]): string {
  const tr = rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${c.split("\n").map((t) => paragraphXml({ text: t })).join("")}</w:tc>`).join("")}</w:tr>`);
  return `<w:tbl><w:tblPr><w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>${tr.join("")}</w:tbl>`;
}

/**
 * A .docx with `blocks` as its body.
 * @param opts `numbering` / `styles` XML (defaults: NUMBERING_XML, STYLES_XML; null leaves the part out).
 * @returns the file's bytes.
 */
export async function buildDocx(blocks: TestBlock[], opts: { numbering?: string | null; styles?: string | null } = {}): Promise<Uint8Array> {
  const body = blocks.map((b) => ("table" in b ? tableXml(b.table) : "xml" in b ? b.xml : paragraphXml(b))).join("\n");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  const styles = opts.styles === undefined ? STYLES_XML : opts.styles;
  const numbering = opts.numbering === undefined ? NUMBERING_XML : opts.numbering;
  if (styles) zip.file("word/styles.xml", styles);
  if (numbering) zip.file("word/numbering.xml", numbering);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** One entry of a raw zip: name, deflated data, and the uncompressed size the headers declare. */
export interface RawEntry {
  name: string;
  deflated: Uint8Array;
  declaredSize: number;
}

/** A zip archive written byte by byte, so that its headers can declare any size (CRC left 0). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated));
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/**
 * Deflates `megabytes` MB of one repeated byte (a bomb's document.xml) in milliseconds and
 * without ever holding them: one MB deflated with a full flush (a self-contained, non-final run
 * of blocks) repeated, then a final empty block. 1,024 MB of "a" deflate to ~1 MB.
 */
export function deflatedRepeat(megabytes: number, byte = 0x61): Uint8Array {
  const piece = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, byte), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => piece), end]));
}

/**
 * A summary's text as Word would hold it: the title styled Title, every heading styled Heading N
 * (N its level in the .txt import) with its typed number removed, and, when `numbered`, numbered
 * by Word (`%1、` `（%2）` `%3.` `（%4）`, NUMBERING_XML). Ad and body lines stay plain paragraphs.
 */
export function seedDocxBlocks(text: string, numbered: boolean): TestParagraph[] {
  const expected = importText(text);
  let k = 0;
  return text.split("\n").map((raw) => raw.trim()).filter(Boolean).map((line): TestParagraph => {
    if (line === expected.title) return { text: line, style: "Title" };
    const h = matchHeading(line);
    if (!h || expected.removed.includes(line)) return { text: line };
    const level = expected.sections[k++].level;
    return { text: h.rest, style: String(level), num: numbered ? { numId: 1, ilvl: level - 1 } : undefined };
  });
}
