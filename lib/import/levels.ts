/**
 * Heading levels assigned the way a person draws the outline: not by a fixed table
 * (`一、`=1, `（一）`=2 …) but by the order in which numbering kinds appear nested. A document
 * whose first heading is `1.` has `1.` at level 1; where `1.` appears inside `一、` it is level 2.
 */
import type { HeadingKind } from "./headings";

/** Numbering kinds plus the unnumbered part heading, which always opens a new level 1. */
export type OutlineKind = HeadingKind | "part";

/** Assigns levels to a sequence of headings in document order; one instance per document. */
export class LevelAssigner {
  // Kinds currently open, outermost first: a stack like the one a reader keeps in mind.
  private open: OutlineKind[] = [];

  /**
   * The level (1..4) of the next heading of `kind`. A kind already open closes everything below
   * it and becomes a sibling there; a new kind nests under the innermost open heading. Part
   * headings reset the stack, so numbered headings under them shift one level deeper. Levels
   * deeper than 4 are clamped to 4 (the outline model has four levels). Never throws.
   */
  next(kind: OutlineKind): 1 | 2 | 3 | 4 {
    if (kind === "part") {
      this.open = ["part"];
      return 1;
    }
    const at = this.open.indexOf(kind);
    if (at >= 0) this.open.length = at + 1;
    else this.open.push(kind);
    return Math.min(this.open.length, 4) as 1 | 2 | 3 | 4;
  }
}
