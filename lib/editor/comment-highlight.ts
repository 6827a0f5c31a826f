/**
 * Tiptap extension that highlights the quoted text of every OPEN comment thread in the editor
 * (class `hegao-comment`, `data-comment-id`). Anchors are Yjs relative positions
 * (lib/comments/anchor.ts), resolved against the ySyncPlugin's Y type and mapping: between Yjs
 * changes the decorations are mapped through each transaction, and after every change of the
 * Y.Doc (local or remote) they are recomputed from the relative positions, so a highlight
 * follows its words whoever edits around them, and a deleted quote loses its highlight.
 * Clicking a highlight calls `onOpen(id)` (the sidebar opens the thread); a thread opened in the
 * sidebar (`hegao:open-comment` with `reveal`) marks its words and scrolls them into view.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { anchorToRange, rangeToAnchor, type YMapping } from "@/lib/comments/anchor";
import { OPEN_COMMENT_EVENT } from "@/lib/comments/events";
import type { OpenAnchor } from "@/lib/comments/types";

export interface CommentHighlightOptions {
  anchors: OpenAnchor[];
  onOpen?: (id: string) => void;
}

interface PluginState {
  anchors: OpenAnchor[];
  active: string | null;
  decorations: DecorationSet;
}

/** Meta of a transaction that sets the anchors, the active thread, or only asks to recompute. */
export interface CommentHighlightMeta {
  anchors?: OpenAnchor[];
  active?: string | null;
  recompute?: true;
}

export const commentHighlightKey = new PluginKey<PluginState>("commentHighlight");

/** The decorations of `anchors` in `state` (none before the ySyncPlugin has bound the document). */
export function commentDecorations(state: EditorState, anchors: readonly OpenAnchor[], active: string | null): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: YMapping } } | undefined;
  if (!sync?.doc || !sync.type || !sync.binding || anchors.length === 0) return DecorationSet.empty;
  const decos: Decoration[] = [];
  const size = state.doc.content.size;
  for (const a of anchors) {
    const r = anchorToRange(sync.doc, sync.type, sync.binding.mapping, a);
    if (!r || r.to > size) continue;
    decos.push(Decoration.inline(r.from, r.to, {
      class: a.id === active ? "hegao-comment hegao-comment-active" : "hegao-comment",
      "data-comment-id": a.id, title: "批注：点击查看",
    }, { commentId: a.id }));
  }
  return DecorationSet.create(state.doc, decos);
}

export const CommentHighlight = Extension.create<CommentHighlightOptions>({
  name: "commentHighlight",
  addOptions() {
    return { anchors: [], onOpen: undefined };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<PluginState>({
        key: commentHighlightKey,
        state: {
          init: (_, state) => ({ anchors: options.anchors, active: null, decorations: commentDecorations(state, options.anchors, null) }),
          apply(tr, prev, _old, next) {
            const meta = tr.getMeta(commentHighlightKey) as CommentHighlightMeta | undefined;
            // Remote changes arrive with the ySyncPlugin's meta: the Y.Doc already holds them.
            if (meta || tr.getMeta(ySyncPluginKey)) {
              const anchors = meta?.anchors ?? prev.anchors;
              const active = meta && "active" in meta ? meta.active ?? null : prev.active;
              return { anchors, active, decorations: commentDecorations(next, anchors, active) };
            }
            return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
          },
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const found = commentHighlightKey.getState(view.state)?.decorations.find(pos, pos) ?? [];
            const id = found.map((d) => (d.spec as { commentId?: string }).commentId).find(Boolean);
            if (!id) return false;
            options.onOpen?.(id);
            view.dispatch(view.state.tr.setMeta(commentHighlightKey, { active: id } satisfies CommentHighlightMeta));
            return false;
          },
        },
        view(view) {
          // After every change of the Y.Doc (this editor's own edits reach it after the
          // transaction), recompute from the relative positions.
          const sync = ySyncPluginKey.getState(view.state) as { doc?: Y.Doc } | undefined;
          const doc = sync?.doc;
          let queued = false;
          const recompute = () => {
            if (queued) return;
            queued = true;
            queueMicrotask(() => {
              queued = false;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentHighlightKey, { recompute: true } satisfies CommentHighlightMeta));
            });
          };
          // The ySyncPlugin opens a Y transaction on every view update, also ours: only one that
          // changed something asks again (else recompute → update → transaction → … forever).
          const onTransaction = (tr: Y.Transaction) => {
            if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) recompute();
          };
          // A thread opened in the sidebar (its quote clicked): mark its words and bring them into view.
          const onOpen = (e: Event) => {
            const detail = (e as CustomEvent<{ id?: string; reveal?: boolean }>).detail;
            if (!detail?.id || !detail.reveal || view.isDestroyed) return;
            view.dispatch(view.state.tr.setMeta(commentHighlightKey, { active: detail.id } satisfies CommentHighlightMeta));
            const deco = commentHighlightKey.getState(view.state)?.decorations.find(undefined, undefined, (spec) => spec.commentId === detail.id)[0];
            if (!deco) return;
            const { node } = view.domAtPos(deco.from);
            (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center", behavior: "smooth" });
          };
          doc?.on("afterTransaction", onTransaction);
          if (typeof window !== "undefined") window.addEventListener(OPEN_COMMENT_EVENT, onOpen);
          recompute();
          return {
            destroy: () => {
              doc?.off("afterTransaction", onTransaction);
              if (typeof window !== "undefined") window.removeEventListener(OPEN_COMMENT_EVENT, onOpen);
            },
          };
        },
      }),
    ];
  },
});

/**
 * The current selection as a comment draft's quote and anchor, or null when nothing is
 * selected. The quote is the selected text (blocks joined by spaces, at most 500 characters).
 */
export function selectionQuote(state: EditorState): { quote: string; anchor: { start: unknown; end: unknown } | null } | null {
  const { from, to } = state.selection;
  if (to <= from) return null;
  const quote = state.doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim().slice(0, 500);
  if (!quote) return null;
  const sync = ySyncPluginKey.getState(state) as { type?: Y.XmlFragment; binding?: { mapping: YMapping } } | undefined;
  const anchor = sync?.type && sync.binding ? rangeToAnchor(sync.type, sync.binding.mapping, from, to) : null;
  return { quote, anchor };
}
