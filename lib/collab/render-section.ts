/**
 * The one safe way to read a section's text from its stored Yjs updates: never throws, whatever
 * the log holds. Every reader — the section page and API, submit, placeholder counts, the report
 * preview and exports — goes through here, so one unreadable section (a structurally wrong or
 * absurdly deep update stored before updates were validated, a corrupt row) is shown as a
 * visible marker naming it while the rest of the report keeps working (issue 9).
 *
 * The stored document is first walked iteratively against the same rules the update validator
 * enforces (lib/collab/body-rules.ts); only a document that passes is handed to y-tiptap's
 * (recursive) converter and to ProseMirror, so depth is bounded before anything recurses.
 */
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { stripControls } from "@/lib/text/hygiene";
import { bodyRules, DEFAULT_BODY_LIMITS, markName } from "./body-rules";
import { bodySchema, prosemirrorJSONToText } from "./content";

/** A section body as read from its log: its content, or why it cannot be read. */
export type RenderedSection =
  | { ok: true; json: JSONContent; text: string; yjsState: Uint8Array }
  | { ok: false; error: string };

/** The marker printed in place of an unreadable section's text (page, preview, exports). */
export function unreadableMarker(title: string): string {
  return `【本节内容无法读取：${title}，请管理员恢复】`;
}

/** Items of a type in order, deleted ones included (callers skip them). */
function* items(type: Y.AbstractType<any>): Generator<Y.Item> {
  for (let item = type._start; item; item = item.right) yield item;
}

/** Why the body of `doc` does not have the editor's shape, or null when it does. Iterative. */
export function bodyProblem(doc: Y.Doc, maxDepth = DEFAULT_BODY_LIMITS.maxDepth): string | null {
  const rules = bodyRules();
  const stack: { type: Y.AbstractType<any>; node: string | null; depth: number }[] = [
    { type: doc.getXmlFragment(YJS_FIELD), node: null, depth: 0 },
  ];
  while (stack.length) {
    const { type, node, depth } = stack.pop()!;
    const allowed = node === null ? rules.rootChildren : rules.children.get(node);
    for (const item of items(type)) {
      if (item.deleted) continue;
      const content = item.content;
      if (!(content instanceof Y.ContentType)) return `${content.constructor.name} in ${node ?? "body"}`;
      const child = content.type;
      if (child instanceof Y.XmlElement) {
        if (!allowed?.has(child.nodeName)) return `node "${child.nodeName.slice(0, 40)}" in ${node ?? "body"}`;
        if (depth + 1 > maxDepth) return `nesting deeper than ${maxDepth}`;
        stack.push({ type: child, node: child.nodeName, depth: depth + 1 });
      } else if (child instanceof Y.XmlText) {
        if (!allowed?.has("text")) return `text in ${node ?? "body"}`;
        for (const run of items(child)) {
          if (run.deleted) continue;
          if (run.content instanceof Y.ContentFormat) {
            if (!rules.marks.has(markName(run.content.key))) return `mark "${run.content.key}"`;
          } else if (!(run.content instanceof Y.ContentString)) return `${run.content.constructor.name} in text`;
        }
      } else {
        return `${child.constructor.name} in ${node ?? "body"}`;
      }
    }
  }
  return null;
}

/** `json` with C0 controls removed from its text (empty text nodes dropped). Depth is bounded. */
function stripJson(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const content = node.content
    .map((child) => (child.type === "text" ? { ...child, text: stripControls(child.text ?? "") } : stripJson(child)))
    .filter((child) => child.type !== "text" || child.text);
  return { ...node, content };
}

/**
 * Reads a section body from its stored updates (log order). Returns `{ ok: true, json, text,
 * yjsState }` — ProseMirror JSON and plain text without control characters, and the full Yjs
 * state — or `{ ok: false, error }` (an English reason for the log) when the updates do not
 * decode, the body breaks the editor's schema, nests deeper than 32, or ProseMirror refuses it.
 * Never throws.
 */
export function renderSection(updates: Iterable<Uint8Array>): RenderedSection {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    const problem = bodyProblem(doc);
    if (problem) return { ok: false, error: problem };
    const json = stripJson(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FIELD)) as JSONContent);
    bodySchema().nodeFromJSON(json); // throws for what the editor could not show
    return { ok: true, json, text: prosemirrorJSONToText(json), yjsState: Y.encodeStateAsUpdate(doc) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  } finally {
    doc.destroy();
  }
}
