/**
 * Reads a section's Yjs document from its update log (`section_updates`). Used by the
 * collaboration server when it loads a room and by the review workflow when it freezes a
 * version (call `flushSection` from lib/collab/bus.ts first so pending edits are included).
 */
import * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { readSectionLog } from "./section-log";

/**
 * The stored updates of a section in log order, with the highest row id (0 when none), read in
 * one statement (lib/collab/section-log.ts).
 */
export async function loadSectionUpdates(db: DbOrTx, sectionId: string): Promise<{ updates: Uint8Array[]; maxId: number }> {
  const { updates, maxId } = await readSectionLog(db, sectionId);
  return { updates, maxId };
}

/** A new Y.Doc holding the section's stored text (empty document when there is no row). */
export async function loadSectionDoc(db: DbOrTx, sectionId: string): Promise<Y.Doc> {
  const { updates } = await loadSectionUpdates(db, sectionId);
  const doc = new Y.Doc();
  // The library's own path (not the log join): what is frozen or exported is never joined by hand.
  Y.transact(doc, () => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}
