/**
 * Comment anchors as Yjs relative positions: a quoted range of a section's body is stored as
 * two `Y.RelativePosition`s (JSON), so it follows the text however the document is edited by
 * anyone. Shared by the browser (ySyncPlugin's type and mapping) and the server (a Y.Doc read
 * from the update log, mapped with y-tiptap's `initProseMirrorDoc`). No React, no database.
 *
 * The start sticks to the first quoted character (assoc 0) and the end to the last one
 * (assoc -1): text typed just before or just after the quote stays outside it, and a quote
 * whose characters are all deleted collapses to an empty range (no highlight).
 */
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";

/** The y-tiptap mapping from Y types to the ProseMirror nodes they render. */
export type YMapping = Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;

/** The two relative positions of a quoted range, as stored in `comments.anchor_start/_end`. */
export interface AnchorJson {
  start: Record<string, unknown>;
  end: Record<string, unknown>;
}

/**
 * Relative positions of the ProseMirror range [from, to) of `fragment`'s rendering.
 * @returns null for an empty range.
 */
export function rangeToAnchor(fragment: Y.XmlFragment, mapping: YMapping, from: number, to: number): AnchorJson | null {
  if (!(to > from)) return null;
  const m = mapping as never;
  // A position right after the first character, assoc -1, names that character; flip to assoc 0
  // so that the start stays before it.
  const after = absolutePositionToRelativePosition(from + 1, fragment as never, m) as Y.RelativePosition;
  const start = after.item
    ? new Y.RelativePosition(after.type, after.tname, after.item, 0)
    : (absolutePositionToRelativePosition(from, fragment as never, m) as Y.RelativePosition);
  const end = absolutePositionToRelativePosition(to, fragment as never, m) as Y.RelativePosition;
  return { start: Y.relativePositionToJSON(start), end: Y.relativePositionToJSON(end) };
}

/**
 * The ProseMirror range the anchor covers now, or null when it cannot be resolved (unknown
 * items, another document) or collapsed (its text was deleted).
 */
export function anchorToRange(
  doc: Y.Doc, fragment: Y.XmlFragment, mapping: YMapping, anchor: { start: unknown; end: unknown },
): { from: number; to: number } | null {
  try {
    const s = Y.createRelativePositionFromJSON(anchor.start);
    const e = Y.createRelativePositionFromJSON(anchor.end);
    const from = relativePositionToAbsolutePosition(doc, fragment as never, s, mapping as never);
    const to = relativePositionToAbsolutePosition(doc, fragment as never, e, mapping as never);
    if (from === null || to === null || !(to > from)) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/**
 * Where `quote` first occurs in `doc`, comparing without whitespace (a quote copied from the
 * plain text joins paragraphs with spaces or line breaks), as a ProseMirror range.
 * @returns null when the quote is empty or not in the document.
 */
export function findQuote(doc: PMNode, quote: string): { from: number; to: number } | null {
  const needle = quote.replace(/\s+/g, "");
  if (!needle) return null;
  const chars: string[] = [];
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const text = node.text ?? "";
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      chars.push(text[i]);
      positions.push(pos + i);
    }
    return false;
  });
  const at = chars.join("").indexOf(needle);
  if (at < 0) return null;
  return { from: positions[at], to: positions[at + needle.length - 1] + 1 };
}
