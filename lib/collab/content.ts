/**
 * Conversions between a section's body as plain text, ProseMirror JSON and its Yjs document,
 * run on the server (import, demo seed, freezing versions). Uses Tiptap's schema and the
 * y-tiptap utilities: nothing here hand-encodes Yjs.
 */
import * as Y from "yjs";
import { getSchema, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { Schema } from "@tiptap/pm/model";
import { bodyExtensions, YJS_FIELD } from "@/lib/editor/extensions";
import { joinTableRow } from "@/lib/text/table-row";

let schema: Schema | undefined;
/** The ProseMirror schema of a section body (cached). */
export function bodySchema(): Schema {
  schema ??= getSchema(bodyExtensions());
  return schema;
}

/** ProseMirror JSON of a body given as text: one paragraph per non-empty line. */
export function textToProsemirrorJSON(text: string): JSONContent {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return {
    type: "doc",
    content: lines.length
      ? lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }))
      : [{ type: "paragraph" }],
  };
}

/** A Yjs update (full state) holding `text` as the section body. */
export function textToYjsUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(bodySchema(), textToProsemirrorJSON(text), doc.getXmlFragment(YJS_FIELD));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A Yjs update (full state) holding the body given as ProseMirror JSON (e.g. an import with
 * tables). The JSON is checked against the editor's schema first.
 * @throws RangeError when `json` does not conform to `bodySchema()` (unknown node, bad nesting).
 */
export function jsonToYjsUpdate(json: JSONContent): Uint8Array {
  bodySchema().nodeFromJSON(json).check();
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(bodySchema(), json, doc.getXmlFragment(YJS_FIELD));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The ProseMirror JSON of a Y.Doc's body. */
export function docToProsemirrorJSON(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(YJS_FIELD)) as JSONContent;
}

/**
 * Plain text of ProseMirror JSON: one line per paragraph / list item, list items prefixed
 * with "· " or "1. ", hard breaks as "\n", one line per table row with its cells separated by
 * " | " (joinTableRow; a cell's paragraphs and breaks joined by spaces).
 */
export function prosemirrorJSONToText(json: JSONContent): string {
  const lines: string[] = [];
  const inline = (node: JSONContent): string =>
    node.type === "text" ? (node.text ?? "") : node.type === "hardBreak" ? "\n" : (node.content ?? []).map(inline).join("");
  const cellText = (cell: JSONContent): string => {
    const start = lines.length;
    (cell.content ?? []).forEach((c) => block(c));
    return lines.splice(start).join(" ").replace(/\s*\n\s*/g, " ");
  };
  const block = (node: JSONContent, prefix = "") => {
    if (node.type === "paragraph") lines.push(prefix + (node.content ?? []).map(inline).join(""));
    else if (node.type === "table") {
      for (const row of node.content ?? []) lines.push(prefix + joinTableRow((row.content ?? []).map(cellText)));
    }
    else if (node.type === "bulletList" || node.type === "orderedList") {
      (node.content ?? []).forEach((item, i) =>
        (item.content ?? []).forEach((child, j) =>
          block(child, j === 0 ? (node.type === "orderedList" ? `${i + 1}. ` : "· ") : "  "),
        ),
      );
    } else (node.content ?? []).forEach((c) => block(c, prefix));
  };
  block(json);
  return lines.join("\n").replace(/\n+$/, "");
}

/** `{ json, text }` of a Y.Doc's body, as frozen in a version. */
export function docToContent(doc: Y.Doc): { json: JSONContent; text: string } {
  const json = docToProsemirrorJSON(doc);
  return { json, text: prosemirrorJSONToText(json) };
}

/** A Y.Doc built from stored updates (any order; Yjs merges them). */
export function docFromUpdates(updates: Iterable<Uint8Array>): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}
