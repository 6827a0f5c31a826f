/**
 * Paragraph styles of a .docx (word/styles.xml, ECMA-376 Part 1 §17.7): which styles are
 * headings (built-in Heading 1–9 / Title by name, or any style whose definition carries
 * `w:outlineLvl`, inherited through `w:basedOn`) and which carry automatic numbering (`w:numPr`).
 */
import { intVal, readXml } from "./xml";

/** What a paragraph style means for the outline, resolved through its `basedOn` chain. */
export interface StyleInfo {
  /** Outline level 0..8 (0 = Heading 1); null for body text (also `w:outlineLvl` 9). */
  outline: number | null;
  /** The built-in Title style (`Title` / `标题`). */
  title: boolean;
  /** Numbering the style applies: list instance and level. */
  numId?: number;
  ilvl?: number;
}

interface RawStyle {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: number;
  ilvl?: number;
}

/** Resolves paragraph styles by id; unknown ids resolve as body text. */
export class Styles {
  private readonly cache = new Map<string, StyleInfo>();

  constructor(private readonly raw: Map<string, RawStyle>, private readonly defaultId?: string) {}

  /**
   * @param styleId a paragraph's `w:pStyle` value (the default paragraph style when absent).
   * @returns the resolved info; never throws (cycles in `basedOn` are cut after 20 steps).
   */
  get(styleId: string | undefined): StyleInfo {
    const id = styleId ?? this.defaultId;
    if (id === undefined) return { outline: null, title: false };
    const hit = this.cache.get(id);
    if (hit) return hit;
    const info: StyleInfo = { outline: null, title: false };
    let outline: number | undefined;
    let cur = this.raw.get(id);
    for (let depth = 0; cur && depth < 20; depth++, cur = cur.basedOn ? this.raw.get(cur.basedOn) : undefined) {
      const name = cur.name.toLowerCase().replace(/\s+/g, " ").trim();
      const heading = /^(heading|标题) ?([1-9])$/.exec(name);
      if (outline === undefined && cur.outline !== undefined) outline = cur.outline;
      if (outline === undefined && heading) outline = Number(heading[2]) - 1;
      if (depth === 0 && (name === "title" || name === "标题")) info.title = true;
      if (info.numId === undefined && cur.numId !== undefined) info.numId = cur.numId;
      if (info.ilvl === undefined && cur.ilvl !== undefined) info.ilvl = cur.ilvl;
    }
    info.outline = outline !== undefined && outline >= 0 && outline <= 8 ? outline : null;
    this.cache.set(id, info);
    return info;
  }
}

/**
 * Reads word/styles.xml. @param xml the part's bytes, or undefined when the file has none.
 * @throws ImportError "not_docx" on malformed XML (see readXml).
 */
export function readStyles(xml: Uint8Array | undefined): Styles {
  const raw = new Map<string, RawStyle>();
  let defaultId: string | undefined;
  if (!xml) return new Styles(raw);
  let current: RawStyle | null = null;
  let inPPr = 0;
  readXml(xml, "word/styles.xml", {
    open(name, a) {
      if (name === "w:style") {
        current = a["w:type"] === "paragraph" ? { name: a["w:styleId"] ?? "" } : null;
        if (current && a["w:styleId"] !== undefined) {
          raw.set(a["w:styleId"], current);
          if (a["w:default"] === "1" || a["w:default"] === "true") defaultId = a["w:styleId"];
        }
        return;
      }
      if (!current) return;
      if (name === "w:pPr") inPPr++;
      else if (name === "w:name") current.name = a["w:val"] ?? current.name;
      else if (name === "w:basedOn") current.basedOn = a["w:val"];
      else if (inPPr && name === "w:outlineLvl") current.outline = intVal(a);
      else if (inPPr && name === "w:numId") current.numId = intVal(a);
      else if (inPPr && name === "w:ilvl") current.ilvl = intVal(a);
    },
    close(name) {
      if (name === "w:style") current = null;
      else if (name === "w:pPr" && inPPr) inPPr--;
    },
  });
  return new Styles(raw, defaultId);
}
