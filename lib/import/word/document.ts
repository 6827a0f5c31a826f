/**
 * The body of a .docx (word/document.xml, ECMA-376 Part 1 §17.3–17.4) as the importer needs
 * it: paragraphs with their style, numbering and outline level, and tables as rows of cells.
 * Images, embedded objects and text boxes are counted, not read (the admin is told).
 */
import { intVal, readXml } from "./xml";

/** One paragraph of the body, before styles and numbering are resolved. */
export interface WordParagraph {
  kind: "paragraph";
  /** The paragraph's text; line breaks (`w:br`, `w:cr`) as "\n". */
  text: string;
  styleId?: string;
  numId?: number;
  ilvl?: number;
  /** Direct `w:outlineLvl` (0..9) of the paragraph. */
  outline?: number;
}

/** One table cell: its paragraphs' text, its column span, and whether it is a header cell. */
export interface WordCell {
  paragraphs: string[];
  colspan: number;
  header: boolean;
}

/** A table: rows of cells (vertically merged continuation cells are kept, empty). */
export interface WordTable {
  kind: "table";
  rows: WordCell[][];
}

/** Everything read from document.xml. */
export interface WordBody {
  blocks: Array<WordParagraph | WordTable>;
  /** Pictures (`pic:pic`, VML `v:imagedata`), embedded objects and charts, text boxes. */
  skipped: { images: number; objects: number; textBoxes: number };
}

// Content never read: the fallback copy of alternate content (its choice is read), tracked
// changes' old properties, moved-away text, and text boxes (counted).
const SKIP = new Set(["mc:Fallback", "w:pPrChange", "w:rPrChange", "w:moveFrom", "w:txbxContent", "w:del"]);

/**
 * Reads the body. @param xml word/document.xml's bytes.
 * @throws ImportError "not_docx" on malformed XML (see readXml).
 */
export function readDocument(xml: Uint8Array): WordBody {
  const body: WordBody = { blocks: [], skipped: { images: 0, objects: 0, textBoxes: 0 } };
  let skip = 0;
  let para: (WordParagraph & { parts: string[] }) | null = null;
  let pPr = false;
  let inText = false;
  let tableDepth = 0;
  let table: WordTable | null = null;
  let row: WordCell[] | null = null;
  let cell: WordCell | null = null;
  let headerRow = false;
  let firstRowHeader = false;

  readXml(xml, "word/document.xml", {
    open(name, a, selfClosing) {
      if (skip) {
        if (!selfClosing && SKIP.has(name)) skip++;
        return;
      }
      if (SKIP.has(name)) {
        if (name === "w:txbxContent") body.skipped.textBoxes++;
        if (!selfClosing) skip = 1;
        return;
      }
      switch (name) {
        case "w:p":
          para = { kind: "paragraph", text: "", parts: [] };
          if (selfClosing) finishParagraph();
          return;
        case "w:pPr": pPr = !selfClosing; return;
        case "w:t": inText = !selfClosing; return;
        case "w:tab": case "w:ptab": para?.parts.push(" "); return;
        case "w:br": if (a["w:type"] !== "page" && a["w:type"] !== "column") para?.parts.push("\n"); return;
        case "w:cr": para?.parts.push("\n"); return;
        case "w:noBreakHyphen": para?.parts.push("-"); return;
        case "pic:pic": case "v:imagedata": body.skipped.images++; return;
        case "w:object": case "c:chart": body.skipped.objects++; return;
        case "w:tbl":
          if (++tableDepth === 1) { table = { kind: "table", rows: [] }; firstRowHeader = false; }
          return;
        case "w:tblLook":
          if (tableDepth === 1) firstRowHeader = a["w:firstRow"] === "1" || a["w:firstRow"] === "true" || ((Number.parseInt(a["w:val"] ?? "0", 16) & 0x20) !== 0);
          return;
        case "w:tr": if (tableDepth === 1) { row = []; headerRow = false; } return;
        case "w:tblHeader": if (tableDepth === 1 && a["w:val"] !== "0" && a["w:val"] !== "false") headerRow = true; return;
        case "w:tc": if (tableDepth === 1) cell = { paragraphs: [], colspan: 1, header: false }; return;
        case "w:gridSpan": if (tableDepth === 1 && cell) cell.colspan = Math.max(1, Math.min(63, intVal(a) ?? 1)); return;
      }
      if (para && pPr) {
        if (name === "w:pStyle") para.styleId = a["w:val"];
        else if (name === "w:numId") para.numId = intVal(a);
        else if (name === "w:ilvl") para.ilvl = intVal(a);
        else if (name === "w:outlineLvl") para.outline = intVal(a);
      }
    },
    close(name) {
      if (skip) {
        if (SKIP.has(name)) skip--;
        return;
      }
      switch (name) {
        case "w:p": finishParagraph(); return;
        case "w:pPr": pPr = false; return;
        case "w:t": inText = false; return;
        case "w:tc": if (tableDepth === 1 && cell && row) { row.push(cell); cell = null; } return;
        case "w:tr":
          if (tableDepth === 1 && row && table) {
            const header = headerRow || (table.rows.length === 0 && firstRowHeader);
            for (const c of row) c.header = header;
            table.rows.push(row);
            row = null;
          }
          return;
        case "w:tbl":
          if (--tableDepth === 0 && table) { body.blocks.push(table); table = null; }
          return;
      }
    },
    text(t) {
      if (!skip && inText && para) para.parts.push(t);
    },
  });
  return body;

  function finishParagraph() {
    if (!para) return;
    const { parts, ...p } = para;
    p.text = parts.join("");
    para = null;
    if (cell) cell.paragraphs.push(p.text); // nested tables flatten into the outer cell
    else if (!tableDepth) body.blocks.push(p);
  }
}
