/**
 * Just enough WordprocessingML reading for inspect-docx.ts: attribute lookup, element
 * matching and run text, with regexes (the files are machine-written, one namespace prefix).
 */

/** Decodes the five XML entities and numeric character references. */
export function xmlDecode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/** The value of attribute `name` (e.g. "w:val") in an opening tag string; undefined when absent. */
export function attr(tag: string | undefined, name: string): string | undefined {
  if (!tag) return undefined;
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlDecode(m[1]) : undefined;
}

/** The first opening (or empty) tag `<name …>` / `<name …/>` in xml; undefined when absent. */
export function firstTag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}(?:\\s[^>]*)?/?>`).exec(xml)?.[0];
}

/** Every element `<name>…</name>` or `<name/>` (not nested in itself) as its full text. */
export function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<${name}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${name}>)`, "g");
  return xml.match(re) ?? [];
}

/** A numeric attribute; undefined when absent or not a number. */
export function numAttr(tag: string | undefined, name: string): number | undefined {
  const v = attr(tag, name);
  return v === undefined || v === "" || Number.isNaN(Number(v)) ? undefined : Number(v);
}

/** An OOXML on/off property (<w:b/>, <w:b w:val="false"/>); undefined when the element is absent. */
export function onOff(xml: string, name: string): boolean | undefined {
  const tag = firstTag(xml, name);
  if (!tag) return undefined;
  const v = attr(tag, "w:val");
  return !(v === "false" || v === "0" || v === "off");
}

/**
 * Text of a paragraph's runs: w:t text, w:tab "\t", w:br "\n"; a field shows as {INSTR},
 * e.g. "— {PAGE} —", and its cached result is skipped.
 */
export function runsText(runs: readonly string[]): string {
  let out = "";
  let inResult = false;
  for (const run of runs) {
    const parts = run.match(/<w:t(?:\s[^>]*)?>[\s\S]*?<\/w:t>|<w:instrText(?:\s[^>]*)?>[\s\S]*?<\/w:instrText>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:fldChar[^>]*\/>/g) ?? [];
    for (const part of parts) {
      if (part.startsWith("<w:fldChar")) {
        const type = attr(part, "w:fldCharType");
        if (type === "separate") inResult = true;
        if (type === "end") inResult = false;
      } else if (part.startsWith("<w:instrText")) {
        out += `{${xmlDecode(part.replace(/<[^>]+>/g, "")).trim()}}`;
      } else if (!inResult) {
        out += part === "<w:tab/>" ? "\t" : part.startsWith("<w:br") ? "\n" : xmlDecode(part.replace(/<[^>]+>/g, ""));
      }
    }
  }
  return out;
}
