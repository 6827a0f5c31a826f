/**
 * The Tiptap extensions of a section's body, shared by the browser editor and the server
 * (which builds the same ProseMirror schema to create and read Yjs documents).
 * Section titles live in the outline, so the body has no headings; paragraphs, bold, italic,
 * bullet and ordered lists, hard breaks and simple tables (指标完成情况…: Tiptap's table nodes
 * `table` / `tableRow` / `tableHeader` / `tableCell`) are what a summary needs.
 */
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import type { Extensions } from "@tiptap/core";

/** Name of the Y.XmlFragment that holds the body in each section's Y.Doc (Tiptap's default). */
export const YJS_FIELD = "default";

/** Body extensions without collaboration (the editor adds Collaboration and CollaborationCaret). */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      horizontalRule: false,
      strike: false,
      link: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
