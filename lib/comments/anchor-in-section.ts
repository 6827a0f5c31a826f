/**
 * Anchors a quote in a section's live text on the server, for comments written where no live
 * editor is open (the review page quotes the frozen version). The collaboration server's
 * pending edits are flushed first, then the first occurrence of the quote (whitespace ignored)
 * becomes two Yjs relative positions (lib/comments/anchor.ts), which the editors' highlight
 * resolves in their own copy of the document.
 */
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import type { DbOrTx } from "@/db/client";
import { flushSection } from "@/lib/collab/bus";
import { bodySchema } from "@/lib/collab/content";
import { loadSectionDoc } from "@/lib/collab/section-doc";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { findQuote, rangeToAnchor, type AnchorJson } from "./anchor";

/**
 * @param quote the quoted text (as selected in the frozen version's plain text)
 * @returns the anchor, or null when the quote is no longer in the live text (it was edited
 *   since) or the text cannot be read: the comment then keeps its quote without a highlight.
 *   Never throws for the content; database errors propagate.
 */
export async function anchorInSection(db: DbOrTx, sectionId: string, quote: string): Promise<AnchorJson | null> {
  if (!quote.trim()) return null;
  await flushSection(sectionId);
  const doc = await loadSectionDoc(db, sectionId);
  try {
    const fragment = doc.getXmlFragment(YJS_FIELD);
    const { doc: pm, mapping } = initProseMirrorDoc(fragment, bodySchema());
    const range = findQuote(pm, quote);
    return range ? rangeToAnchor(fragment, mapping as never, range.from, range.to) : null;
  } catch (err) {
    console.warn(`[hegao] could not anchor a quote in section ${sectionId}: ${(err as Error).message}`);
    return null;
  } finally {
    doc.destroy();
  }
}
