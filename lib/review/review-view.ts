/**
 * What the review page shows: the submitted version under review and its diff against the last
 * version a reviewer saw (`sections.lastReviewedVersionId`, else the last approved version; on a
 * first review the whole text counts as added).
 */
import type { DbOrTx } from "@/db/client";
import type { SectionVersion } from "@/db/schema";
import { diffStats, diffTexts, type DiffPart } from "./text-diff";
import { latestVersion, versionBefore, versionById } from "./versions";

export interface ReviewView {
  submitted: SectionVersion | null;
  /** The version the diff starts from, or null on a first review. */
  base: SectionVersion | null;
  diff: DiffPart[];
  stats: { added: number; removed: number };
}

/** The review view of a section (no policy check: callers authorise). */
export async function getReviewView(db: DbOrTx, section: { id: string; lastReviewedVersionId: string | null }): Promise<ReviewView> {
  const submitted = await latestVersion(db, section.id, "submitted");
  if (!submitted) return { submitted: null, base: null, diff: [], stats: { added: 0, removed: 0 } };
  let base = section.lastReviewedVersionId ? await versionById(db, section.lastReviewedVersionId) : null;
  base ??= await latestVersion(db, section.id, "approved");
  // Reviewing the very version last seen (a later stage of the chain, a reopened page): compare
  // with the submission before it, which a reviewer saw (none on a first submission).
  if (base?.id === submitted.id) base = await versionBefore(db, section.id, "submitted", submitted.number);
  const diff = diffTexts(base ? base.text : null, submitted.text);
  return { submitted, base, diff, stats: diffStats(diff) };
}
