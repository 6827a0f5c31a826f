/**
 * Reads a section's current text from its Yjs update log (`section_updates`, in id order), as
 * the collaboration server persisted it. Used to freeze versions and to list placeholders.
 */
import * as Y from "yjs";
import { asc, eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { docFromUpdates, docToContent } from "@/lib/collab/content";

/** A section body as frozen in a version: full Yjs state, ProseMirror JSON and plain text. */
export interface SectionContent {
  yjsState: Uint8Array;
  json: JSONContent;
  text: string;
}

/**
 * The section's current content, built from every stored update (ordered by id).
 * A section without updates yields an empty document. Never throws for an unknown id
 * (it simply has no updates).
 */
export async function loadSectionContent(db: DbOrTx, sectionId: string): Promise<SectionContent> {
  const rows = await db
    .select({ update: sectionUpdates.update })
    .from(sectionUpdates)
    .where(eq(sectionUpdates.sectionId, sectionId))
    .orderBy(asc(sectionUpdates.id));
  const doc = docFromUpdates(rows.map((r) => r.update));
  try {
    const { json, text } = docToContent(doc);
    return { yjsState: Y.encodeStateAsUpdate(doc), json, text };
  } finally {
    doc.destroy();
  }
}
