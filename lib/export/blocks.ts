/**
 * Converts editor content (Tiptap / ProseMirror JSON) and plain text into export Blocks, and
 * Blocks back to plain text.
 */
import { joinTableRow } from "../text/table-row";
import type { Block, Inline, TableCell } from "./types";

type PMNode = { type?: unknown; text?: unknown; marks?: unknown; content?: unknown; attrs?: unknown };

const BLOCK_TYPES = new Set(["paragraph", "bulletList", "orderedList", "heading", "blockquote", "codeBlock", "listItem"]);

// Authors used to typing 公文 often start paragraphs with two full-width spaces; the exporters
// already indent the first line by 2 characters, so leading blanks would double the indent.
const LEADING_BLANKS = /^[\s\u3000]+/;

function asNode(value: unknown): PMNode | undefined {
  return typeof value === "object" && value !== null ? (value as PMNode) : undefined;
}

function children(node: PMNode): PMNode[] {
  return Array.isArray(node.content) ? node.content.map(asNode).filter((n): n is PMNode => !!n) : [];
}

function markSet(node: PMNode): { bold: boolean; italic: boolean } {
  const marks = Array.isArray(node.marks) ? node.marks.map(asNode) : [];
  const has = (t: string) => marks.some((m) => m?.type === t);
  return { bold: has("bold") || has("strong"), italic: has("italic") || has("em") };
}

/** Inline runs of a textblock; hardBreak → "\n"; unknown inline nodes → their text. */
function inlineRuns(node: PMNode, out: Inline[] = []): Inline[] {
  for (const child of children(node)) {
    if (child.type === "text" && typeof child.text === "string") {
      const { bold, italic } = markSet(child);
      out.push({ text: child.text, ...(bold && { bold }), ...(italic && { italic }) });
    } else if (child.type === "hardBreak") {
      out.push({ text: "\n" });
    } else {
      inlineRuns(child, out);
    }
  }
  return out;
}

/** Drops leading blanks and merges adjacent runs of equal formatting; [] when the text is empty. */
function tidy(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const text = merged.length === 0 ? run.text.replace(LEADING_BLANKS, "") : run.text;
    if (!text) continue;
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += text;
    else merged.push({ ...run, text });
  }
  return merged.some((r) => r.text.trim()) ? merged : [];
}

/** List items: each item's paragraphs joined by "\n"; nested lists are flattened after it. */
function listItems(list: PMNode): Inline[][] {
  const items: Inline[][] = [];
  for (const item of children(list)) {
    const runs: Inline[] = [];
    const nested: Inline[][] = [];
    for (const part of children(item)) {
      if (part.type === "bulletList" || part.type === "orderedList") nested.push(...listItems(part));
      else {
        if (runs.length) runs.push({ text: "\n" });
        runs.push(...inlineRuns(part));
      }
    }
    const tidied = tidy(runs);
    if (tidied.length) items.push(tidied);
    items.push(...nested);
  }
  return items;
}

/** A span attribute (colspan / rowspan) as an integer ≥ 1; 1 when absent or invalid. */
function span(node: PMNode, name: "colspan" | "rowspan"): number {
  const value = typeof node.attrs === "object" && node.attrs !== null ? (node.attrs as Record<string, unknown>)[name] : undefined;
  return typeof value === "number" && Number.isInteger(value) && value > 1 ? Math.min(value, 63) : 1;
}

/** A cell's content as runs: its paragraphs (and list items, with markers) joined by "\n". */
function cellRuns(cell: PMNode): Inline[] {
  const runs: Inline[] = [];
  for (const block of toBlocks(cell, [])) {
    const lines = block.type === "paragraph" ? [block.runs]
      : block.type === "list" ? block.items.map((item, i) => [{ text: listMarker(block.ordered, i) }, ...item])
      : [[{ text: blocksToText([block]) }]];
    for (const line of lines) {
      if (runs.length) runs.push({ text: "\n" });
      runs.push(...line);
    }
  }
  return runs;
}

/** table → rows of cells; rows without cells are dropped, a table without any text too. */
function tableBlock(table: PMNode): Block | undefined {
  const rows: TableCell[][] = children(table)
    .filter((row) => row.type === "tableRow")
    .map((row) =>
      children(row)
        .filter((cell) => cell.type === "tableCell" || cell.type === "tableHeader")
        .map((cell) => {
          const colspan = span(cell, "colspan");
          const rowspan = span(cell, "rowspan");
          return { runs: cellRuns(cell), ...(cell.type === "tableHeader" && { header: true }), ...(colspan > 1 && { colspan }), ...(rowspan > 1 && { rowspan }) };
        }),
    )
    .filter((row) => row.length > 0);
  return rows.some((row) => row.some((cell) => cell.runs.some((r) => r.text.trim()))) ? { type: "table", rows } : undefined;
}

function toBlocks(node: PMNode, out: Block[]): Block[] {
  for (const child of children(node)) {
    if (child.type === "table") {
      const table = tableBlock(child);
      if (table) out.push(table);
    } else if (child.type === "bulletList" || child.type === "orderedList") {
      const items = listItems(child);
      if (items.length) out.push({ type: "list", ordered: child.type === "orderedList", items });
    } else if (child.type !== "paragraph" && children(child).some((c) => BLOCK_TYPES.has(String(c.type)))) {
      toBlocks(child, out); // blockquote and other containers: keep their paragraphs
    } else {
      const runs = tidy(child.type === "text" ? inlineRuns({ content: [child] }) : inlineRuns(child));
      if (runs.length) out.push({ type: "paragraph", runs });
    }
  }
  return out;
}

/**
 * Tiptap / ProseMirror JSON → Blocks. Takes the `doc` node (any node with `content` works);
 * paragraph → paragraph, bulletList / orderedList → list (nested lists flattened, `start`
 * ignored), table → table (rows of cells, header cells flagged, colspan/rowspan kept, a cell's
 * paragraphs joined by "\n"), marks bold/italic kept, hardBreak → "\n", unknown nodes → their
 * text. Empty paragraphs and tables without any text are dropped (spacing is the layout's job, GB/T 9704-2012 §7.3.3 body layout).
 * @throws TypeError when json is not an object.
 */
export function prosemirrorToBlocks(json: unknown): Block[] {
  const root = asNode(json);
  if (!root) throw new TypeError("prosemirrorToBlocks: expected a ProseMirror JSON object");
  return toBlocks(root, []);
}

/** Plain text → Blocks: one paragraph per non-empty line (CRLF tolerated, leading blanks dropped). */
export function textToBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(LEADING_BLANKS, "").trimEnd())
    .filter((line) => line.length > 0)
    .map((line) => ({ type: "paragraph", runs: [{ text: line }] }));
}

/**
 * The text marker of the `index`-th (0-based) list item: ordered "1." "2." …, bullets "·".
 * Written as text, like heading numbers, so WPS and paste keep it.
 */
export function listMarker(ordered: boolean, index: number): string {
  return ordered ? `${index + 1}.` : "·";
}

/** The text of a table row: cells separated by " | " (joinTableRow), line breaks inside a cell as spaces. */
export function tableRowText(cells: readonly TableCell[]): string {
  return joinTableRow(cells.map((cell) => cell.runs.map((r) => r.text).join("").replace(/\s*\n\s*/g, " ")));
}

/**
 * Blocks → plain text: one line per paragraph, per list item (with its marker) and per table
 * row (cells separated by " | ").
 */
export function blocksToText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === "paragraph") lines.push(block.runs.map((r) => r.text).join(""));
    else if (block.type === "table") block.rows.forEach((row) => lines.push(tableRowText(row)));
    else block.items.forEach((item, i) => lines.push(`${listMarker(block.ordered, i)}${item.map((r) => r.text).join("")}`));
  }
  return lines.join("\n");
}
