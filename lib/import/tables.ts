/**
 * Tables travel through the import plan as one marker line in a section's body
 * (`［表格2：5行×4列］`), which survives the plan editor's merge / split like any paragraph and
 * shows the admin where the table is; when the report is created the marker becomes a Tiptap
 * table node (`table` › `tableRow` › `tableHeader`/`tableCell` › `paragraph`, the editor's
 * TableKit schema, lib/editor/extensions.ts).
 */
import type { JSONContent } from "@tiptap/core";
import type { ImportedTable } from "./types";

const MARKER = /^［表格(\d{1,4})：\d+行×\d+列］$/;

/** Columns of a table: the widest row, counting column spans. */
export function tableWidth(t: ImportedTable): number {
  return Math.max(0, ...t.rows.map((r) => r.reduce((n, c) => n + c.colspan, 0)));
}

/** The marker line of table number `n` (1-based). */
export function tableMarker(n: number, t: ImportedTable): string {
  return `［表格${n}：${t.rows.length}行×${tableWidth(t)}列］`;
}

/** The 0-based table index a marker line names, or null for any other line. */
export function tableIndexOf(line: string): number | null {
  const m = MARKER.exec(line.trim());
  return m ? Number(m[1]) - 1 : null;
}

/** The table's text as lines, cells separated by "　" (for a preamble, which holds only text). */
export function tableAsText(t: ImportedTable): string[] {
  return t.rows.map((r) => r.map((c) => c.paragraphs.join(" ")).join("　"));
}

/** All cell text of a table, one paragraph per line (placeholder counting). */
export function tableText(t: ImportedTable): string {
  return t.rows.flatMap((r) => r.flatMap((c) => c.paragraphs)).join("\n");
}

const paragraph = (text: string): JSONContent => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" });

/** A Tiptap table node; short rows are padded with empty cells so every row has the same width. */
export function tableToProsemirrorJSON(t: ImportedTable): JSONContent {
  const width = tableWidth(t);
  return {
    type: "table",
    content: t.rows.map((row) => {
      const cells = row.map((c): JSONContent => ({
        type: c.header ? "tableHeader" : "tableCell",
        attrs: { colspan: c.colspan, rowspan: 1 },
        content: c.paragraphs.filter((p) => p.trim()).map((p) => paragraph(p.trim())),
      }));
      for (const c of cells) if (!c.content!.length) c.content = [paragraph("")];
      for (let n = row.reduce((s, c) => s + c.colspan, 0); n < width; n++) cells.push({ type: "tableCell", content: [paragraph("")] });
      return { type: "tableRow", content: cells };
    }),
  };
}

/**
 * A section body with tables as ProseMirror JSON: one paragraph per non-empty line, and a table
 * node for each marker line naming an existing table.
 * @returns the document, or null when the body names no table (the caller keeps the text path).
 */
export function bodyToProsemirrorJSON(body: string, tables: readonly ImportedTable[]): JSONContent | null {
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let found = false;
  const content = lines.map((line) => {
    const i = tableIndexOf(line);
    const t = i === null ? undefined : tables[i];
    if (!t || t.rows.length === 0) return paragraph(line);
    found = true;
    return tableToProsemirrorJSON(t);
  });
  return found ? { type: "doc", content } : null;
}
