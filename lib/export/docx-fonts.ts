/**
 * The font table (word/fontTable.xml, ECMA-376 Part 1 §17.8.3) of the .docx export: every face
 * the document names, with the alternative name, PANOSE class, character set and Unicode /
 * code-page signature Word and WPS use to substitute a face the PC lacks. Most office PCs have
 * 仿宋, 楷体, 黑体 and 宋体 (Windows) but not the GB2312 or 方正 faces of GB/T 9704-2012.
 */
import { FONT } from "./gbt9704";

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** One w:font entry. */
export interface FontFace {
  name: string;
  /** w:altName: the face to use when `name` is missing. */
  altName?: string;
  /** w:panose1, 10 bytes in hex: the shape class substitution matches on. */
  panose: string;
  /** w:charset: "86" = GB2312 (Simplified Chinese), "00" = ANSI. */
  charset: string;
  family: "auto" | "roman" | "swiss" | "modern" | "script" | "decorative";
  pitch: "fixed" | "variable";
  /** w:sig usb0..usb3, csb0, csb1 (hex): Unicode ranges and code pages covered. */
  sig: [string, string, string, string, string, string];
}

// Simplified Chinese faces: CJK ranges, code page 936 (csb0 bit 18); Windows' own values.
const GB_SIG: FontFace["sig"] = ["00000001", "080E0000", "00000010", "00000000", "00040000", "00000000"];
const SIMSUN_SIG: FontFace["sig"] = ["00000003", "288F0000", "00000016", "00000000", "00040001", "00000000"];
const cjk = (name: string, altName: string, panose: string, fixed: boolean, sig = GB_SIG): FontFace => ({
  name, altName, panose, charset: "86", family: fixed ? "modern" : "auto", pitch: fixed ? "fixed" : "variable", sig,
});

/**
 * The faces of the export and their fallbacks: 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
 * 方正小标宋简体 → 华文中宋 → 宋体, 黑体 (SimHei), 宋体 (SimSun), Times New Roman; the fallback
 * faces have entries of their own so the chain resolves.
 */
export const FONT_FACES: readonly FontFace[] = [
  cjk(FONT.title, "华文中宋", "02000000000000000000", false),
  cjk("华文中宋", "宋体", "02010600040101010101", false),
  cjk(FONT.body, "仿宋", "02010609030101010101", true),
  cjk("仿宋", "FangSong", "02010609060101010101", true),
  cjk(FONT.heading2, "楷体", "02010609030101010101", true),
  cjk("楷体", "KaiTi", "02010609060101010101", true),
  cjk(FONT.heading1, "SimHei", "02010609060101010101", true),
  cjk(FONT.pageNumber, "SimSun", "02010600030101010101", false, SIMSUN_SIG),
  { name: FONT.latin, panose: "02020603050405020304", charset: "00", family: "roman", pitch: "variable", sig: ["E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"] },
];

/**
 * word/fontTable.xml naming FONT_FACES, children in schema order (§17.8.3.10).
 * Returns the XML text; never throws.
 */
export function fontTableXml(faces: readonly FontFace[] = FONT_FACES): string {
  const font = (f: FontFace) => {
    const [usb0, usb1, usb2, usb3, csb0, csb1] = f.sig;
    return `<w:font w:name="${escapeXml(f.name)}">${f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : ""}`
      + `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>`
      + `<w:sig w:usb0="${usb0}" w:usb1="${usb1}" w:usb2="${usb2}" w:usb3="${usb3}" w:csb0="${csb0}" w:csb1="${csb1}"/></w:font>`;
  };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${faces.map(font).join("")}</w:fonts>`;
}
