/**
 * The database side of a collaboration room: load the log, append a merged batch (and refresh
 * the section's placeholder count and last activity in the same transaction), and compact the
 * log into one state row. Knows nothing of sockets.
 */
import * as Y from "yjs";
import { and, count, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections, type SectionState } from "@/db/schema";
import { docToContent } from "@/lib/collab/content";
import { loadSectionUpdates } from "@/lib/collab/section-doc";
import { countPlaceholders } from "@/lib/placeholders/find";

/** What the room needs to know of its section. */
export interface RoomSection {
  id: string;
  departmentId: string | null;
  state: SectionState;
}

/** A loaded room: its section facts, the stored updates and how many log rows exist. */
export interface LoadedRoom {
  section: RoomSection;
  updates: Uint8Array[];
  rows: number;
}

/** Loads a section's facts and update log; null when the section does not exist. */
export async function loadRoom(db: Db, sectionId: string): Promise<LoadedRoom | null> {
  const [row] = await db
    .select({ id: sections.id, departmentId: sections.departmentId, state: sections.state })
    .from(sections)
    .where(eq(sections.id, sectionId));
  if (!row) return null;
  const { updates } = await loadSectionUpdates(db, sectionId);
  return { section: row, updates, rows: updates.length };
}

/**
 * Appends one (already merged) update to the log and, in the same transaction, sets the
 * section's `placeholderCount` (from `doc`, the room's current document) and `lastActivityAt`.
 * `doc` is read before the transaction so the write holds no lock while rendering text.
 */
export async function appendUpdate(db: Db, sectionId: string, update: Uint8Array, doc: Y.Doc, now = new Date()): Promise<void> {
  let text: string | null = null;
  try {
    text = docToContent(doc).text;
  } catch (err) {
    // A body the schema cannot render must not stop the text from being saved.
    console.error(`[hegao] [collab ${sectionId}] cannot render text for the placeholder count`, err);
  }
  await db.transaction(async (tx) => {
    await tx.insert(sectionUpdates).values({ sectionId, update });
    const [section] = await tx
      .select({ intended: sections.intendedPlaceholders })
      .from(sections)
      .where(eq(sections.id, sectionId));
    if (!section) return;
    await tx
      .update(sections)
      .set(text === null ? { lastActivityAt: now } : { placeholderCount: countPlaceholders(text, section.intended), lastActivityAt: now })
      .where(eq(sections.id, sectionId));
  });
}

/**
 * Replaces every log row of the section with one row holding the merged state (Yjs garbage
 * collection drops deleted content), in one transaction; rows appended meanwhile (higher ids)
 * are kept. Returns the number of rows left.
 */
export async function compactLog(db: Db, sectionId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const { updates, maxId } = await loadSectionUpdates(tx, sectionId);
    if (updates.length > 1) {
      const doc = new Y.Doc();
      Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await tx.delete(sectionUpdates).where(and(eq(sectionUpdates.sectionId, sectionId), lte(sectionUpdates.id, maxId)));
      await tx.insert(sectionUpdates).values({ sectionId, update: state });
    }
    const [{ n }] = await tx.select({ n: count() }).from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
    return n;
  });
}
