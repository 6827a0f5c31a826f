/**
 * Tiptap extension that marks placeholders (lib/placeholders/find.ts) inline with decorations
 * and reports their count. Stub until the review workflow lands: no decorations.
 */
import { Extension } from "@tiptap/core";

export interface PlaceholderHighlightOptions {
  /** Placeholder keys the editors marked as intended (not highlighted, not counted). */
  intended: string[];
  /** Called with the number of unresolved placeholders whenever the document changes. */
  onCount?: (count: number) => void;
}

export const PlaceholderHighlight = Extension.create<PlaceholderHighlightOptions>({
  name: "placeholderHighlight",
  addOptions() {
    return { intended: [], onCount: undefined };
  },
});
