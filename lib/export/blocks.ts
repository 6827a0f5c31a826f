/**
 * Converts editor content (Tiptap / ProseMirror JSON) and plain text into export Blocks, and
 * Blocks back to plain text.
 */
import type { Block, Inline } from "./types";

type PMNode = { type?: unknown; text?: unknown; marks?: unknown; content?: unknown };

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

function toBlocks(node: PMNode, out: Block[]): Block[] {
  for (const child of children(node)) {
    if (child.type === "bulletList" || child.type === "orderedList") {
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
 * ignored), marks bold/italic kept, hardBreak → "\n", unknown nodes → their text. Empty
 * paragraphs are dropped (spacing is the layout's job, GB/T 9704-2012 §7.3.3 body layout).
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

/** Blocks → plain text: one line per paragraph and per list item (with its marker). */
export function blocksToText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === "paragraph") lines.push(block.runs.map((r) => r.text).join(""));
    else block.items.forEach((item, i) => lines.push(`${listMarker(block.ordered, i)}${item.map((r) => r.text).join("")}`));
  }
  return lines.join("\n");
}
