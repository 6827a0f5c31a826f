/**
 * Reads back a .docx for tests and end-to-end checks: paragraphs with their formatting,
 * page set-up, headers and footers. No new dependency: jszip ships with docx.
 */
import JSZip from "jszip";
import { attr, elements, firstTag, numAttr, onOff, runsText } from "./ooxml";

export interface InspectedRun { text: string; fonts: string[]; sizeHalfPoints?: number; bold?: boolean; italic?: boolean; spacingTwips?: number }
export interface InspectedParagraph {
  text: string;
  /** w:pStyle id, e.g. "Title", "Heading1". */
  style?: string;
  /** Distinct fonts named by the runs' w:rFonts (eastAsia first, then ascii/hAnsi/cs). */
  fonts: string[];
  /** w:sz of the first run with text, in half-points (32 = 16 pt). */
  sizeHalfPoints?: number;
  /** Bold of the first run with text. */
  bold?: boolean;
  /** w:jc: "center", "both", "right", "left"… */
  align?: string;
  /** w:ind in twips and hundredths of characters. */
  indent: { firstLine?: number; firstLineChars?: number; left?: number; right?: number; hanging?: number };
  /** w:tabs tab stop positions (twips). */
  tabs: number[];
  /** w:spacing line (twips) and lineRule. */
  spacing: { line?: number; lineRule?: string };
  runs: InspectedRun[];
}
export interface InspectedPart { type: string; text: string; align?: string; paragraphs: InspectedParagraph[] }
export interface InspectedDocx {
  paragraphs: InspectedParagraph[];
  /** twips */
  pageMargins: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number };
  /** twips */
  pageSize: { width: number; height: number };
  docGrid: { type?: string; linePitch?: number; charSpace?: number };
  headers: InspectedPart[];
  footers: InspectedPart[];
  evenAndOddHeaders: boolean;
}

function inspectRun(run: string): InspectedRun {
  const rPr = elements(run, "w:rPr")[0] ?? "";
  const rFonts = firstTag(rPr, "w:rFonts");
  const fonts = ["w:eastAsia", "w:ascii", "w:hAnsi", "w:cs"].map((a) => attr(rFonts, a)).filter((f): f is string => !!f);
  return {
    text: runsText([run]),
    fonts: [...new Set(fonts)],
    sizeHalfPoints: numAttr(firstTag(rPr, "w:sz"), "w:val"),
    bold: onOff(rPr, "w:b"),
    italic: onOff(rPr, "w:i"),
    spacingTwips: numAttr(firstTag(rPr, "w:spacing"), "w:val"),
  };
}

/** One w:p element → its text and formatting. */
export function inspectParagraph(p: string): InspectedParagraph {
  const pPr = elements(p, "w:pPr")[0] ?? "";
  const runXml = elements(p.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ""), "w:r");
  const runs = runXml.map(inspectRun);
  const first = runs.find((r) => r.text.trim() !== "") ?? runs[0];
  const ind = firstTag(pPr, "w:ind");
  const spacing = firstTag(pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, ""), "w:spacing");
  return {
    text: runsText(runXml),
    style: attr(firstTag(pPr, "w:pStyle"), "w:val"),
    fonts: [...new Set(runs.flatMap((r) => r.fonts))],
    sizeHalfPoints: first?.sizeHalfPoints,
    bold: first?.bold,
    align: attr(firstTag(pPr, "w:jc"), "w:val"),
    indent: {
      firstLine: numAttr(ind, "w:firstLine"),
      firstLineChars: numAttr(ind, "w:firstLineChars"),
      left: numAttr(ind, "w:left") ?? numAttr(ind, "w:start"),
      right: numAttr(ind, "w:right") ?? numAttr(ind, "w:end"),
      hanging: numAttr(ind, "w:hanging"),
    },
    tabs: (elements(pPr, "w:tabs")[0]?.match(/<w:tab [^>]*\/>/g) ?? []).map((t) => numAttr(t, "w:pos") ?? 0),
    spacing: { line: numAttr(spacing, "w:line"), lineRule: attr(spacing, "w:lineRule") },
    runs,
  };
}

async function parts(zip: JSZip, sectPr: string, rels: string, kind: "header" | "footer"): Promise<InspectedPart[]> {
  const out: InspectedPart[] = [];
  for (const ref of sectPr.match(new RegExp(`<w:${kind}Reference[^>]*/>`, "g")) ?? []) {
    const id = attr(ref, "r:id");
    const target = (rels.match(/<Relationship [^>]*\/>/g) ?? []).find((r) => attr(r, "Id") === id);
    const file = zip.file(`word/${attr(target, "Target")?.replace(/^\/?word\//, "")}`);
    if (!file) throw new Error(`inspectDocx: ${kind} ${id} missing from the package`);
    const paragraphs = elements(await file.async("string"), "w:p").map(inspectParagraph);
    out.push({ type: attr(ref, "w:type") ?? "default", text: paragraphs.map((p) => p.text).join("\n"), align: paragraphs[0]?.align, paragraphs });
  }
  return out;
}

/**
 * Reads a .docx (bytes) and returns its body paragraphs, page size and margins (twips), docGrid,
 * headers and footers by type ("default" = odd pages when evenAndOddHeaders) and the setting.
 * @throws Error when the bytes are not a zip or word/document.xml (or a referenced part) is missing.
 */
export async function inspectDocx(bytes: Uint8Array): Promise<InspectedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const documentXml = await read("word/document.xml");
  if (!documentXml) throw new Error("inspectDocx: word/document.xml missing");
  const body = documentXml.replace(/<w:sectPr[\s\S]*?<\/w:sectPr>/g, "");
  const sectPr = elements(documentXml, "w:sectPr").pop() ?? "";
  const pgMar = firstTag(sectPr, "w:pgMar");
  const pgSz = firstTag(sectPr, "w:pgSz");
  const grid = firstTag(sectPr, "w:docGrid");
  const rels = await read("word/_rels/document.xml.rels");
  return {
    paragraphs: elements(body, "w:p").map(inspectParagraph),
    pageMargins: {
      top: numAttr(pgMar, "w:top") ?? 0,
      bottom: numAttr(pgMar, "w:bottom") ?? 0,
      left: numAttr(pgMar, "w:left") ?? 0,
      right: numAttr(pgMar, "w:right") ?? 0,
      header: numAttr(pgMar, "w:header"),
      footer: numAttr(pgMar, "w:footer"),
    },
    pageSize: { width: numAttr(pgSz, "w:w") ?? 0, height: numAttr(pgSz, "w:h") ?? 0 },
    docGrid: { type: attr(grid, "w:type"), linePitch: numAttr(grid, "w:linePitch"), charSpace: numAttr(grid, "w:charSpace") },
    headers: await parts(zip, sectPr, rels, "header"),
    footers: await parts(zip, sectPr, rels, "footer"),
    evenAndOddHeaders: onOff(await read("word/settings.xml"), "w:evenAndOddHeaders") ?? false,
  };
}
