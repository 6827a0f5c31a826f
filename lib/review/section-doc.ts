/**
 * Reads a section's current text from its Yjs update log (`section_updates`, in id order), as
 * the collaboration server persisted it, through the safe renderer (lib/collab/render-section.ts):
 * an unreadable log never makes a reader throw an unexpected error.
 */
import { asc, eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { DbOrTx } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { refused } from "@/lib/errors";
import { renderSection, type RenderedSection } from "@/lib/collab/render-section";

/** A section body as frozen in a version: full Yjs state, ProseMirror JSON and plain text. */
export interface SectionContent {
  yjsState: Uint8Array;
  json: JSONContent;
  text: string;
}

/** The Chinese refusal for acting on a section whose text cannot be read (422). */
export const UNREADABLE_MESSAGE = "本节内容无法读取，暂不能提交或修改；请管理员在章节页面恢复到最近一次可读的内容";

/**
 * The section's current content or why it cannot be read, built from every stored update
 * (ordered by id). A section without updates is an empty document. Never throws for the
 * content (an unknown id simply has no updates); only database errors propagate.
 */
export async function readSectionContent(db: DbOrTx, sectionId: string): Promise<RenderedSection> {
  const rows = await db
    .select({ update: sectionUpdates.update })
    .from(sectionUpdates)
    .where(eq(sectionUpdates.sectionId, sectionId))
    .orderBy(asc(sectionUpdates.id));
  const rendered = renderSection(rows.map((r) => r.update));
  if (!rendered.ok) console.warn(`[hegao] section ${sectionId} is unreadable: ${rendered.error}`);
  return rendered;
}

/**
 * The section's current content, for commands that need it (submit freezes it).
 * @throws AppError refused (422, UNREADABLE_MESSAGE) when the stored text cannot be read.
 */
export async function loadSectionContent(db: DbOrTx, sectionId: string): Promise<SectionContent> {
  const rendered = await readSectionContent(db, sectionId);
  if (!rendered.ok) throw refused(UNREADABLE_MESSAGE);
  return { yjsState: rendered.yjsState, json: rendered.json, text: rendered.text };
}
