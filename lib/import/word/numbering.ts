/**
 * Word's automatic numbering (word/numbering.xml, ECMA-376 Part 1 §17.9): the number a
 * numbered paragraph shows, rendered the way Word renders it (`lvlText` such as `%1、`,
 * `（%2）`, `%3.` with each level's `numFmt` and `start`), so that the importer can read an
 * automatically numbered `一、` exactly like a typed one.
 */
import { intVal, readXml } from "./xml";

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

interface Num {
  abstractId: number;
  /** Per level: `w:startOverride` values and whole overriding `w:lvl` definitions. */
  startOverride: Map<number, number>;
  levels: Map<number, Level>;
}

const CN_DIGITS = "〇一二三四五六七八九";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const STEMS = "甲乙丙丁戊己庚辛壬癸";

/** 1..99 in Chinese counting (`十一`, `二十`); larger numbers as decimal digits. */
function chinese(n: number, digits = CN_DIGITS, ten = "十"): string {
  if (n <= 0 || n > 99) return String(n);
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? "" : digits[tens]) + ten + (ones ? digits[ones] : "");
}

function letters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let s = "";
  for (const [v, r] of table) for (; n >= v; n -= v) s += r;
  return s;
}

/**
 * One counter value in a `w:numFmt` (ST_NumberFormat). Unknown formats render as decimal.
 * @returns the text, "" for `none` and `bullet`.
 */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting": case "chineseCountingThousand": case "japaneseCounting": case "taiwaneseCounting":
    case "ideographDigital": case "taiwaneseDigital": case "japaneseDigitalTenThousand":
      return chinese(n);
    case "chineseLegalSimplified": case "ideographLegalTraditional": case "japaneseLegal":
      return chinese(n, LEGAL_DIGITS, "拾");
    case "ideographTraditional": return n >= 1 && n <= 10 ? STEMS[n - 1] : String(n);
    case "decimalZero": return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth": case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle": case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "lowerLetter": return letters(n);
    case "upperLetter": return letters(n).toUpperCase();
    case "lowerRoman": return roman(n);
    case "upperRoman": return roman(n).toUpperCase();
    case "none": case "bullet": return "";
    default: return String(n);
  }
}

/** The numbering definitions of one document and the running counters of its lists. */
export class Numbering {
  private readonly counters = new Map<number, number[]>();
  private readonly started = new Set<string>();

  constructor(private readonly abstracts: Map<number, Map<number, Level>>, private readonly nums: Map<number, Num>) {}

  /**
   * Advances the list of `numId` at level `ilvl` (deeper levels restart) and renders its number.
   * @returns the number text (`一、`, `（二）`, `3.`), "" for a bullet or an unnumbered level,
   *   null when `numId` is 0 or unknown (no numbering). Never throws.
   */
  next(numId: number, ilvl: number): string | null {
    const num = this.nums.get(numId);
    if (!num || numId === 0) return null;
    const level = (i: number) => num.levels.get(i) ?? this.abstracts.get(num.abstractId)?.get(i);
    const lvl = level(ilvl);
    if (!lvl) return null;
    const counts = this.counters.get(num.abstractId) ?? [];
    this.counters.set(num.abstractId, counts);
    const override = num.startOverride.get(ilvl);
    const key = `${numId}:${ilvl}`;
    if (override !== undefined && !this.started.has(key)) counts[ilvl] = override - 1;
    this.started.add(key);
    counts[ilvl] = (counts[ilvl] ?? (lvl.start - 1)) + 1;
    counts.length = ilvl + 1; // deeper levels restart
    if (lvl.format === "bullet") return "";
    return lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = level(i);
      const value = counts[i] ?? l?.start ?? 1;
      return formatNumber(value, lvl.legal && i !== ilvl ? "decimal" : (l?.format ?? "decimal"));
    });
  }
}

/**
 * Reads word/numbering.xml. @param xml the part's bytes, or undefined when the file has none.
 * @throws ImportError "not_docx" on malformed XML (see readXml).
 */
export function readNumbering(xml: Uint8Array | undefined): Numbering {
  const abstracts = new Map<number, Map<number, Level>>();
  const nums = new Map<number, Num>();
  if (!xml) return new Numbering(abstracts, nums);
  let abstract: Map<number, Level> | null = null;
  let num: Num | null = null;
  let overrideLevel: number | undefined;
  let lvl: Level | null = null;
  readXml(xml, "word/numbering.xml", {
    open(name, a) {
      if (name === "w:abstractNum") abstracts.set(intVal(a, "w:abstractNumId") ?? -1, (abstract = new Map()));
      else if (name === "w:num") nums.set(intVal(a, "w:numId") ?? -1, (num = { abstractId: -1, startOverride: new Map(), levels: new Map() }));
      else if (name === "w:abstractNumId" && num) num.abstractId = intVal(a) ?? -1;
      else if (name === "w:lvlOverride") overrideLevel = intVal(a, "w:ilvl");
      else if (name === "w:startOverride" && num && overrideLevel !== undefined) num.startOverride.set(overrideLevel, intVal(a) ?? 1);
      else if (name === "w:lvl") {
        lvl = { start: 1, format: "decimal", text: "", legal: false };
        const i = intVal(a, "w:ilvl") ?? 0;
        if (num && overrideLevel !== undefined) num.levels.set(overrideLevel, lvl);
        else abstract?.set(i, lvl);
      } else if (lvl && name === "w:start") lvl.start = intVal(a) ?? 1;
      else if (lvl && name === "w:numFmt") lvl.format = a["w:val"] ?? "decimal";
      else if (lvl && name === "w:lvlText") lvl.text = a["w:val"] ?? "";
      else if (lvl && name === "w:isLgl") lvl.legal = a["w:val"] !== "0" && a["w:val"] !== "false";
    },
    close(name) {
      if (name === "w:abstractNum") abstract = null;
      else if (name === "w:num") num = null;
      else if (name === "w:lvlOverride") overrideLevel = undefined;
      else if (name === "w:lvl") lvl = null;
    },
  });
  return new Numbering(abstracts, nums);
}
