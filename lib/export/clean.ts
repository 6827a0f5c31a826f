/**
 * Text hygiene of exports: no control character reaches a .docx, .md or .html file, whatever a
 * stored version, title or live text holds (XML 1.0 forbids most C0 characters, so one NUL made
 * Word refuse the whole .docx; issue 9). Applied once, in exportDocument, to every string of
 * the assembled document.
 */
import { stripControls } from "@/lib/text/hygiene";
import type { AssembledDocument, Block, Inline } from "./types";

/** Body text: C0 controls and DEL removed, CR LF / CR → LF (hard breaks), TAB → a space. */
export function cleanBodyText(text: string): string {
  return stripControls(text).replace(/\r\n?/g, "\n").replace(/\t/g, " ");
}

/** A one-line field (title, number, organisation): every control, LF included, → a space. */
export function cleanLine(text: string): string {
  return stripControls(text, true);
}

const cleanRuns = (runs: readonly Inline[]): Inline[] => runs.map((r) => ({ ...r, text: cleanBodyText(r.text) }));

function cleanBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case "paragraph":
        return { ...b, runs: cleanRuns(b.runs) };
      case "list":
        return { ...b, items: b.items.map(cleanRuns) };
      case "table":
        return { ...b, rows: b.rows.map((row) => row.map((cell) => ({ ...cell, runs: cleanRuns(cell.runs) }))) };
    }
  });
}

/** A copy of `doc` whose every string is free of control characters (see above). */
export function cleanDocument(doc: AssembledDocument): AssembledDocument {
  return {
    ...doc,
    title: cleanBodyText(doc.title), // a title may be two lines (exporters handle "\n")
    organisation: cleanLine(doc.organisation),
    ...(doc.addressee !== undefined ? { addressee: cleanLine(doc.addressee) } : {}),
    ...(doc.attachments !== undefined ? { attachments: doc.attachments.map(cleanLine) } : {}),
    ...(doc.date !== undefined ? { date: cleanLine(doc.date) } : {}),
    preamble: cleanBlocks(doc.preamble),
    sections: doc.sections.map((s) => ({
      ...s,
      number: cleanLine(s.number),
      title: cleanLine(s.title),
      blocks: cleanBlocks(s.blocks),
      ...(s.departmentName !== undefined ? { departmentName: cleanLine(s.departmentName) } : {}),
    })),
  };
}
