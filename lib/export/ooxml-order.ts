/**
 * Child order of WordprocessingML property elements, as the schema's xsd:sequence demands
 * (ECMA-376 Part 1, 5th ed.), and a pass that puts generated XML into that order.
 * Word and WPS repair (or refuse) files whose w:pPr / w:rPr children are out of sequence; the
 * docx library writes a few of them (w:autoSpaceDN after w:jc) in its own order.
 */

/** One rank per entry; an inner array lists names that share a rank (a choice, or an alias). */
type Sequence = readonly (string | readonly string[])[];

const SIDES: Sequence = ["w:top", ["w:left", "w:start"], "w:bottom", ["w:right", "w:end"]];

/** The sequences checked and enforced, by parent element, with the clause that defines them. */
export const SCHEMA_ORDER: Record<string, Sequence> = {
  // §17.3.1.26 pPr (CT_PPrBase + rPr, sectPr, pPrChange)
  "w:pPr": [
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
  ],
  // §17.3.2.28 rPr (CT_RPr; a paragraph mark's CT_ParaRPr starts with ins/del/moveFrom/moveTo)
  "w:rPr": [
    "w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps",
    "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
    "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange",
  ],
  // §17.6.17 sectPr (header/footer references are one choice group, in any order among themselves)
  "w:sectPr": [
    ["w:headerReference", "w:footerReference"], "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
    "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
    "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
  ],
  // §17.4.60 tblPr
  "w:tblPr": [
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
    "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
    "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
  ],
  // §17.4.70 tcPr
  "w:tcPr": [
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
    "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
    "w:cellMerge", "w:tcPrChange",
  ],
  // §17.4.38 tblBorders, §17.4.66 tcBorders, §17.4.42 tblCellMar, §17.4.68 tcMar
  "w:tblBorders": [...SIDES, "w:insideH", "w:insideV"],
  "w:tcBorders": [...SIDES, "w:insideH", "w:insideV", "w:tl2br", "w:tr2bl"],
  "w:tblCellMar": SIDES,
  "w:tcMar": SIDES,
  // §17.7.4.17 style
  "w:style": [
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
    "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
    "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
  ],
  // §17.8.3.10 font
  "w:font": [
    "w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType", "w:pitch", "w:sig", "w:embedRegular",
    "w:embedBold", "w:embedItalic", "w:embedBoldItalic",
  ],
};

const RANKS: Record<string, Map<string, number>> = Object.fromEntries(
  Object.entries(SCHEMA_ORDER).map(([parent, seq]) => [
    parent,
    new Map(seq.flatMap((entry, rank) => (typeof entry === "string" ? [[entry, rank]] : entry.map((n) => [n, rank]))) as [string, number][]),
  ]),
);

/**
 * The rank of `child` inside `parent` (0-based position in the schema sequence); undefined
 * when the parent is not checked here, or -1 when the child is not in its sequence.
 */
export function childRank(parent: string, child: string): number | undefined {
  const ranks = RANKS[parent];
  return ranks ? (ranks.get(child) ?? -1) : undefined;
}

type Chunk = { name: string | null; xml: string };
type Frame = { name: string; open: string; chunks: Chunk[] };

// Tags (attribute values may hold ">"), comments, CDATA and processing instructions, or text.
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g;

function sorted(frame: Frame): string {
  const ranks = RANKS[frame.name];
  if (!ranks) return frame.chunks.map((c) => c.xml).join("");
  // Stable sort; unknown children and text keep their place after the known ones.
  return frame.chunks
    .map((chunk, i) => ({ chunk, i, rank: chunk.name === null ? Infinity : (ranks.get(chunk.name) ?? Infinity) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.chunk.xml)
    .join("");
}

/**
 * Puts the children of every element listed in SCHEMA_ORDER into schema order, leaving all
 * else byte for byte. Takes well-formed XML text (one part of a .docx); returns the text.
 * Children not in a sequence keep their relative order after the known ones.
 * @throws Error when tags do not nest (not well-formed XML).
 */
export function reorderXml(xml: string): string {
  const root: Frame = { name: "", open: "", chunks: [] };
  const stack: Frame[] = [root];
  for (const token of xml.match(TOKEN) ?? []) {
    const top = stack[stack.length - 1];
    if (token[0] !== "<" || token.startsWith("<!") || token.startsWith("<?")) {
      top.chunks.push({ name: null, xml: token });
    } else if (token.startsWith("</")) {
      const name = token.slice(2, -1).trim();
      if (top.name !== name || stack.length === 1) throw new Error(`reorderXml: </${name}> closes <${top.name}>`);
      stack.pop();
      stack[stack.length - 1].chunks.push({ name, xml: top.open + sorted(top) + token });
    } else {
      const name = /^<([^\s/>]+)/.exec(token)?.[1] ?? "";
      if (token.endsWith("/>")) top.chunks.push({ name, xml: token });
      else stack.push({ name, open: token, chunks: [] });
    }
  }
  if (stack.length !== 1) throw new Error(`reorderXml: <${stack[stack.length - 1].name}> not closed`);
  return root.chunks.map((c) => c.xml).join("");
}
