/**
 * Tiptap extension that marks placeholders (lib/placeholders/find.ts) inline and counts them
 * (design.md "Placeholder check"). A ProseMirror plugin runs `findPlaceholders` over each
 * textblock's text and adds inline decorations (class `hegao-placeholder`, yellow background,
 * dashed underline, `title="待补充内容：X名"`), skipping the keys marked intended, and calls
 * `onCount` with the unresolved count on every change.
 *
 * Keys are counted across the whole document in reading order, exactly as the server's
 * `placeholderKeys` counts them on the section's plain text, so a mark set in the sidebar
 * matches the highlight here. The sidebar announces new marks with the window event
 * `hegao:intended-placeholders` (`detail: { sectionId?, keys }`); the plugin picks them up live.
 */
import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { findPlaceholders } from "@/lib/placeholders/find";
import { labelOf } from "@/lib/review/placeholder-check";

export interface PlaceholderHighlightOptions {
  /** Placeholder keys the editors marked as intended (not highlighted, not counted). */
  intended: string[];
  /** Called with the number of unresolved placeholders whenever the document changes. */
  onCount?: (count: number) => void;
  /** When set, only `hegao:intended-placeholders` events for this section are applied. */
  sectionId?: string;
}

/** Name of the window event that carries new intended keys. */
export { INTENDED_EVENT } from "./window-events";
import { INTENDED_EVENT } from "./window-events";

interface PluginState {
  intended: string[];
  decorations: DecorationSet;
  count: number;
}

export const placeholderHighlightKey = new PluginKey<PluginState>("placeholderHighlight");

const STYLE = "background-color:#fef08a;text-decoration:underline dashed #ca8a04;text-underline-offset:3px;border-radius:2px";

/** Decorations and unresolved count of `doc`, keys numbered over the whole document. */
export function placeholderDecorations(doc: PMNode, intended: readonly string[]): { decorations: DecorationSet; count: number } {
  const skip = new Set(intended);
  const seen = new Map<string, number>();
  const decos: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // A hard break is one position wide and "\n" in the server's text: offsets stay aligned.
    const text = node.textBetween(0, node.content.size, undefined, "\n");
    for (const p of findPlaceholders(text)) {
      const base = `${p.kind}:${p.text}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      if (skip.has(`${base}:${n}`)) continue;
      decos.push(
        Decoration.inline(pos + 1 + p.start, pos + 1 + p.end, {
          class: "hegao-placeholder", style: STYLE, title: `待补充内容：${labelOf(text, p)}`, "data-placeholder-key": `${base}:${n}`,
        }),
      );
    }
    return false;
  });
  return { decorations: DecorationSet.create(doc, decos), count: decos.length };
}

function initState(state: EditorState, intended: string[]): PluginState {
  return { intended, ...placeholderDecorations(state.doc, intended) };
}

export const PlaceholderHighlight = Extension.create<PlaceholderHighlightOptions>({
  name: "placeholderHighlight",
  addOptions() {
    return { intended: [], onCount: undefined, sectionId: undefined };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<PluginState>({
        key: placeholderHighlightKey,
        state: {
          init: (_, state) => initState(state, options.intended ?? []),
          apply(tr, prev, _old, next) {
            const meta = tr.getMeta(placeholderHighlightKey) as { intended?: string[] } | undefined;
            if (meta?.intended) return initState(next, meta.intended);
            return tr.docChanged ? initState(next, prev.intended) : prev;
          },
        },
        props: {
          decorations: (state) => placeholderHighlightKey.getState(state)?.decorations,
        },
        view(view) {
          const report = () => options.onCount?.(placeholderHighlightKey.getState(view.state)?.count ?? 0);
          const onIntended = (e: Event) => {
            const detail = (e as CustomEvent<{ sectionId?: string; keys: string[] }>).detail;
            if (!detail?.keys || (options.sectionId && detail.sectionId && detail.sectionId !== options.sectionId)) return;
            view.dispatch(view.state.tr.setMeta(placeholderHighlightKey, { intended: detail.keys }));
          };
          if (typeof window !== "undefined") window.addEventListener(INTENDED_EVENT, onIntended);
          report();
          return {
            update(v, prevState) {
              // Every document change (and every change of the intended marks) reports the count.
              if (placeholderHighlightKey.getState(prevState) !== placeholderHighlightKey.getState(v.state)) report();
            },
            destroy: () => {
              if (typeof window !== "undefined") window.removeEventListener(INTENDED_EVENT, onIntended);
            },
          };
        },
      }),
    ];
  },
});
