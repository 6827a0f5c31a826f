/**
 * Editors mark a placeholder as intended ("有意保留": e.g. `X光` that really is a word, or a blank
 * to be filled by the office) so `submit` no longer counts it; or take the mark back.
 * Keys are those of `placeholderKeys` (lib/placeholders/find.ts), stored in
 * `sections.intendedPlaceholders`.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sections } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { countPlaceholders } from "@/lib/placeholders/find";
import { assertSection, type Principal } from "@/lib/policy";
import { listPlaceholders, type SectionPlaceholder } from "./placeholder-check";
import { loadSectionContent, readSectionContent } from "./section-doc";

/** The placeholders of a section's current text with their intended flags (none when unreadable). */
export async function sectionPlaceholders(db: Db, sectionId: string): Promise<SectionPlaceholder[]> {
  const [section] = await db.select({ intended: sections.intendedPlaceholders }).from(sections).where(eq(sections.id, sectionId));
  if (!section) throw notFound("章节");
  const content = await readSectionContent(db, sectionId);
  return content.ok ? listPlaceholders(content.text, section.intended) : [];
}

/**
 * Adds (`intended: true`) or removes `key` from the section's intended placeholders and
 * refreshes `placeholderCount`. Only editors who may edit the section (own department, draft or
 * changes_requested).
 * @returns the new intended keys and unresolved count.
 * @throws AppError not_found; forbidden; refused when marking a key the text does not contain,
 *   or when the text cannot be read.
 */
export async function setPlaceholderIntended(
  db: Db,
  opts: { sectionId: string; key: string; intended: boolean; actor: Principal },
): Promise<{ intended: string[]; count: number }> {
  return db.transaction(async (tx) => {
    const [section] = await tx.select().from(sections).where(eq(sections.id, opts.sectionId)).for("update");
    if (!section) throw notFound("章节");
    assertSection(opts.actor, "edit", section, "只有本部门撰稿人在草稿或退回修改状态下可以标记占位符");
    const { text } = await loadSectionContent(tx, opts.sectionId);
    const current = new Set(section.intendedPlaceholders);
    if (opts.intended) {
      if (!listPlaceholders(text, []).some((p) => p.key === opts.key)) throw refused("该待补充内容已不在正文中，请刷新后重试");
      current.add(opts.key);
    } else {
      current.delete(opts.key);
    }
    const intended = [...current];
    const count = countPlaceholders(text, intended);
    await tx
      .update(sections)
      .set({ intendedPlaceholders: intended, placeholderCount: count, lastActivityAt: new Date() })
      .where(eq(sections.id, opts.sectionId));
    return { intended, count };
  });
}
