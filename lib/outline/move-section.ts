/**
 * Structural outline edits: move up/down among siblings, indent (become the last child of the
 * previous sibling), outdent (become the sibling right after the parent), delete with children.
 * Each runs in one transaction and rewrites positions 0..n-1; numbers follow from the order.
 */
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sections } from "@/db/schema";
import { refused } from "@/lib/errors";
import { publishAccessChange } from "@/lib/collab/bus";
import type { Principal } from "@/lib/policy";
import { childrenOf, descendantIds, loadForChange, MAX_LEVEL, shiftLevels, subtreeDepth, writeOrder } from "./tree";

interface Target {
  sectionId: string;
  actor: Principal;
}

/**
 * Swaps a section with its previous (`up`) or next (`down`) sibling, children moving along.
 * @throws AppError forbidden, not_found, refused (finalized, already first/last).
 */
export async function moveSection(db: Db, input: Target & { direction: "up" | "down" }): Promise<void> {
  await db.transaction(async (tx) => {
    const { section, rows } = await loadForChange(tx, input.actor, input.sectionId);
    const order = childrenOf(rows, section.parentId ?? null).map((r) => r.id);
    const i = order.indexOf(section.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= order.length) throw refused(input.direction === "up" ? "已经是同级第一个，不能再上移" : "已经是同级最后一个，不能再下移");
    [order[i], order[j]] = [order[j], order[i]];
    await writeOrder(tx, rows, section.parentId ?? null, order);
  });
}

/**
 * Indents a section: it (with its children) becomes the last child of its previous sibling,
 * one level deeper.
 * @throws AppError refused when it has no previous sibling or would go deeper than level 4.
 */
export async function indentSection(db: Db, input: Target): Promise<void> {
  await db.transaction(async (tx) => {
    const { section, rows } = await loadForChange(tx, input.actor, input.sectionId);
    const siblings = childrenOf(rows, section.parentId ?? null);
    const prev = siblings[siblings.findIndex((r) => r.id === section.id) - 1];
    if (!prev) throw refused("同级第一个章节不能降级（上方没有可归属的章节）");
    if (section.level + 1 + subtreeDepth(rows, section.id) > MAX_LEVEL) throw refused(`标题最多 ${MAX_LEVEL} 级，不能再降级`);
    await shiftLevels(tx, rows, [section.id, ...descendantIds(rows, section.id)], 1);
    await writeOrder(tx, rows, section.parentId ?? null, siblings.filter((r) => r.id !== section.id).map((r) => r.id));
    await writeOrder(tx, rows, prev.id, [...childrenOf(rows, prev.id).map((r) => r.id), section.id]);
  });
}

/**
 * Outdents a section: it (with its children) becomes the sibling right after its parent, one
 * level higher. Siblings after it stay with the old parent.
 * @throws AppError refused for a level-1 section.
 */
export async function outdentSection(db: Db, input: Target): Promise<void> {
  await db.transaction(async (tx) => {
    const { section, rows } = await loadForChange(tx, input.actor, input.sectionId);
    const parent = rows.find((r) => r.id === section.parentId);
    if (!parent) throw refused("一级标题不能再升级");
    await shiftLevels(tx, rows, [section.id, ...descendantIds(rows, section.id)], -1);
    await writeOrder(tx, rows, parent.id, childrenOf(rows, parent.id).filter((r) => r.id !== section.id).map((r) => r.id));
    const grand = childrenOf(rows, parent.parentId ?? null).map((r) => r.id);
    grand.splice(grand.indexOf(parent.id) + 1, 0, section.id);
    await writeOrder(tx, rows, parent.parentId ?? null, grand);
  });
}

/**
 * Deletes a section and all its children (their texts, versions and comments go with them),
 * then closes the gap in the siblings' positions. Returns how many sections were deleted.
 * After commit the collaboration server closes their rooms (4404) and discards unsaved edits.
 */
export async function deleteSection(db: Db, input: Target): Promise<{ deleted: number }> {
  const { ids } = await db.transaction(async (tx) => {
    const { section, rows } = await loadForChange(tx, input.actor, input.sectionId);
    const ids = [section.id, ...descendantIds(rows, section.id)];
    await tx.delete(sections).where(inArray(sections.id, ids));
    const rest = rows.filter((r) => !ids.includes(r.id));
    await writeOrder(tx, rest, section.parentId ?? null, childrenOf(rest, section.parentId ?? null).map((r) => r.id));
    return { ids };
  });
  publishAccessChange({ deletedSectionIds: ids });
  return { deleted: ids.length };
}
