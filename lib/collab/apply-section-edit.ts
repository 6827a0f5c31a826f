/**
 * A change the server makes to a section's text (restoring an earlier version), applied as an
 * ordinary collaborative edit: through the section's room when a collaboration server runs in
 * this process (every open editor sees it live, nobody is disconnected), else appended to the
 * update log directly (CLI, tests). Also the body replacement such a restore applies.
 */
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { editSectionLive, type SectionEdit } from "./bus";
import { bodySchema } from "./content";
import { loadSectionDoc } from "./section-doc";

/**
 * An edit replacing the whole body with `json` (ProseMirror JSON of the editor's schema), as
 * one transaction: clients see the old paragraphs deleted and the new ones inserted.
 * @throws RangeError (when applied) if `json` does not conform to the editor's schema.
 */
export function replaceBody(json: JSONContent): SectionEdit {
  bodySchema().nodeFromJSON(json).check(); // fail before touching any document
  return (doc) => {
    const frag = doc.getXmlFragment(YJS_FIELD);
    frag.delete(0, frag.length);
    prosemirrorJSONToYXmlFragment(bodySchema(), json, frag);
  };
}

/**
 * Applies `edit` to section `sectionId` and resolves once it is stored.
 * @throws when the room cannot be loaded or the database write fails.
 */
export async function applySectionEdit(db: DbOrTx, sectionId: string, edit: SectionEdit): Promise<void> {
  if (await editSectionLive(sectionId, edit)) return;
  const doc = await loadSectionDoc(db, sectionId);
  try {
    const before = Y.encodeStateVector(doc);
    Y.transact(doc, () => edit(doc));
    await db.insert(sectionUpdates).values({ sectionId, update: Y.encodeStateAsUpdate(doc, before) });
  } finally {
    doc.destroy();
  }
}
