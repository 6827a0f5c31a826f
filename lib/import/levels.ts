/**
 * Heading levels assigned the way a person draws the outline: not by a fixed table
 * (`一、`=1, `（一）`=2 …) but by the order in which numbering kinds appear nested. A document
 * whose first heading is `1.` has `1.` at level 1; where `1.` appears inside `一、` it is level 2.
 */
import type { HeadingKind } from "./headings";

/**
 * Numbering kinds, the unnumbered part heading (always a new level 1), and a Word heading by
 * its outline level (`outline0` = Heading 1 … `outline8`), for headings known by their style.
 */
export type OutlineKind = HeadingKind | "part" | `outline${number}`;

/** The Word outline level of an `outlineN` kind, null for other kinds. */
function outlineDepth(kind: OutlineKind): number | null {
  return kind.startsWith("outline") ? Number(kind.slice(7)) : null;
}

/** Assigns levels to a sequence of headings in document order; one instance per document. */
export class LevelAssigner {
  // Kinds currently open, outermost first: a stack like the one a reader keeps in mind.
  private open: OutlineKind[] = [];

  /**
   * The level (1..4) of the next heading of `kind`. A kind already open closes everything below
   * it and becomes a sibling there; a new kind nests under the innermost open heading. Part
   * headings reset the stack, so numbered headings under them shift one level deeper. A Word
   * heading (`outlineN`) also closes every open Word heading of its level or deeper, so Heading 1
   * after Heading 2 is never nested under it. Levels
   * deeper than 4 are clamped to 4 (the outline model has four levels). Never throws.
   */
  next(kind: OutlineKind): 1 | 2 | 3 | 4 {
    if (kind === "part") {
      this.open = ["part"];
      return 1;
    }
    const at = this.open.indexOf(kind);
    if (at >= 0) this.open.length = at + 1;
    else {
      const depth = outlineDepth(kind);
      if (depth !== null) {
        const deeper = this.open.findIndex((k) => (outlineDepth(k) ?? -1) >= depth);
        if (deeper >= 0) this.open.length = deeper;
      }
      this.open.push(kind);
    }
    return Math.min(this.open.length, 4) as 1 | 2 | 3 | 4;
  }
}
