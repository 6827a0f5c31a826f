/**
 * Restores a section whose stored text cannot be read (lib/collab/render-section.ts) to its last
 * good state, replacing its update log in one transaction. An admin's command (issue 9: "an
 * admin can restore its last good version").
 *
 * The good state is the longest prefix of the update log that renders, found by binary search
 * over prefix lengths (O(log n) renders; a log is at most a few thousand rows between
 * compactions). Searching assumes a prefix stays unreadable once a bad update is in, which holds
 * unless a later update deleted the bad content — then the search may stop at an earlier good
 * prefix, never at a bad one. When no non-empty prefix renders, the section's last frozen version
 * (section_versions) is used, else an empty body.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { countPlaceholders } from "@/lib/placeholders/find";
import { assertAdmin, type Principal } from "@/lib/policy";
import { latestVersion } from "@/lib/review/versions";
import { flushSection, publishReloadSection } from "./bus";
import { textToYjsUpdate } from "./content";
import { renderSection } from "./render-section";

export interface RestoreResult {
  sectionId: string;
  /** Where the restored text comes from: a prefix of the log, a frozen version, or nothing. */
  source: "log" | "version" | "empty";
  /** Log rows kept (source "log"), of `totalRows`. */
  keptRows: number;
  totalRows: number;
  /** The frozen version's number and id (source "version"). */
  versionNumber?: number;
  versionId?: string;
  /** Plain text of the restored body. */
  text: string;
}

/** The largest k < updates.length such that updates[0..k) renders (k ≥ 0; 0 renders trivially). */
function longestGoodPrefix(updates: Uint8Array[]): number {
  let good = 0;
  let bad = updates.length; // the whole log is known not to render
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (renderSection(updates.slice(0, mid)).ok) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * Restores section `sectionId`. Takes the actor (must be an admin). Returns what was restored.
 * After commit, the collaboration server drops the section's room (publishReloadSection).
 * @throws AppError forbidden (not an admin); not_found (no such section); refused (422) when
 *   the section's text can be read (nothing to restore).
 */
export async function restoreSection(db: Db, opts: { sectionId: string; actor: Principal }): Promise<RestoreResult> {
  assertAdmin(opts.actor);
  await flushSection(opts.sectionId); // edits still in the room belong in the log searched below
  const result = await db.transaction(async (tx) => {
    const [section] = await tx.select().from(sections).where(eq(sections.id, opts.sectionId)).for("update");
    if (!section) throw notFound("章节");
    const rows = await tx
      .select({ update: sectionUpdates.update })
      .from(sectionUpdates)
      .where(eq(sectionUpdates.sectionId, section.id))
      .orderBy(asc(sectionUpdates.id));
    const updates = rows.map((r) => r.update);
    if (renderSection(updates).ok) throw refused("本节内容可以正常读取，无需恢复");

    const kept = longestGoodPrefix(updates);
    let restored = kept > 0 ? renderSection(updates.slice(0, kept)) : null;
    let source: RestoreResult["source"] = "log";
    let versionNumber: number | undefined;
    let versionId: string | undefined;
    if (!restored?.ok) {
      const version = await latestVersion(tx, section.id);
      const fromVersion = version ? renderSection([version.yjsState]) : null;
      restored = fromVersion?.ok ? fromVersion : renderSection([textToYjsUpdate(version?.text ?? "")]);
      source = version ? "version" : "empty";
      versionNumber = version?.number;
      versionId = version?.id;
    }
    if (!restored.ok) throw new Error(`restore of ${section.id} produced an unreadable state: ${restored.error}`);

    await tx.delete(sectionUpdates).where(eq(sectionUpdates.sectionId, section.id));
    await tx.insert(sectionUpdates).values({ sectionId: section.id, update: restored.yjsState });
    await tx
      .update(sections)
      .set({ placeholderCount: countPlaceholders(restored.text, section.intendedPlaceholders), lastActivityAt: new Date() })
      .where(eq(sections.id, section.id));
    return {
      sectionId: section.id, source, keptRows: source === "log" ? kept : 0, totalRows: updates.length,
      ...(versionNumber !== undefined ? { versionNumber, versionId } : {}), text: restored.text,
    };
  });
  publishReloadSection(result.sectionId);
  console.info(`[hegao] section ${result.sectionId} restored from ${result.source} (${result.keptRows}/${result.totalRows} rows) by ${opts.actor.id}`);
  return result;
}
