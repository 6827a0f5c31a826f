/**
 * What the review page shows: the submitted version under review and its diff against the last
 * version a reviewer saw (`sections.lastReviewedVersionId`, else the last approved version; on a
 * first review the whole text counts as added), with the people's names of both versions
 * (lib/review/version-label: 提交稿 n) and a caption saying plainly what is compared.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reviewEvents, sectionVersions, type SectionVersion } from "@/db/schema";
import { EVENT_META, REVIEW_EVENTS } from "@/lib/workflow/vocabulary";
import { diffStats, diffTexts, type DiffPart } from "./text-diff";
import { diffCaption, versionLabels } from "./version-label";
import { latestVersion, versionBefore, versionById } from "./versions";

export interface ReviewView {
  submitted: SectionVersion | null;
  /** The version the diff starts from, or null on a first review. */
  base: SectionVersion | null;
  diff: DiffPart[];
  /** 字数 added / removed (lib/text/word-count). */
  stats: { added: number; removed: number };
  /** "提交稿 3" of the version under review ("" without one). */
  submittedLabel: string;
  /** "与上次退回时的提交稿 2 相比：新增 N 字，删除 M 字" / "首次审核：…". */
  caption: string;
}

const RETURNING = REVIEW_EVENTS.filter((e) => EVENT_META[e].returnReason);

/** The review view of a section (no policy check: callers authorise). */
export async function getReviewView(db: DbOrTx, section: { id: string; lastReviewedVersionId: string | null }): Promise<ReviewView> {
  const submitted = await latestVersion(db, section.id, "submitted");
  if (!submitted) return { submitted: null, base: null, diff: [], stats: { added: 0, removed: 0 }, submittedLabel: "", caption: "" };
  let base = section.lastReviewedVersionId ? await versionById(db, section.lastReviewedVersionId) : null;
  base ??= await latestVersion(db, section.id, "approved");
  // Reviewing the very version last seen (a later stage of the chain, a reopened page): compare
  // with the submission before it, which a reviewer saw (none on a first submission).
  if (base?.id === submitted.id) base = await versionBefore(db, section.id, "submitted", submitted.number);
  const diff = diffTexts(base ? base.text : null, submitted.text);
  const stats = diffStats(diff);
  const refs = await db.select({ id: sectionVersions.id, number: sectionVersions.number, kind: sectionVersions.kind })
    .from(sectionVersions).where(eq(sectionVersions.sectionId, section.id));
  const labels = versionLabels(refs);
  const returned = base
    ? (await db.select({ id: reviewEvents.id }).from(reviewEvents)
      .where(and(eq(reviewEvents.versionId, base.id), inArray(reviewEvents.event, RETURNING))).limit(1)).length > 0
    : false;
  const caption = diffCaption(base ? labels.get(base.id)?.label ?? null : null, returned, stats);
  return { submitted, base, diff, stats, submittedLabel: labels.get(submitted.id)?.label ?? "", caption };
}
