/**
 * 恢复历史版本 (issue 16): an admin, or the editors of the section's department, bring an earlier
 * frozen version (提交稿 n) back into the section while it is editable (草稿 / 退回修改). The
 * restore is a normal edit — applied through the collaboration room, so the other editors see
 * the text change live and stay connected — and leaves an audit row (`review_events`, event
 * `restore`, state unchanged, the version restored). Not lib/collab/restore-section.ts, which
 * repairs an unreadable log by replacing it and reconnecting everyone.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reviewEvents, sections, sectionVersions } from "@/db/schema";
import { applySectionEdit, replaceBody } from "@/lib/collab/apply-section-edit";
import type { JSONContent } from "@tiptap/core";
import { notFound, refused } from "@/lib/errors";
import { assertSection, type Principal } from "@/lib/policy";
import { isReportOpen, STATE_META } from "@/lib/workflow/vocabulary";
import { getSection } from "./get-section";
import { versionLabels } from "./version-label";

export interface RestoreVersionResult {
  sectionId: string;
  versionId: string;
  /** "提交稿 2" / "提交稿 2（已通过）". */
  label: string;
  /** Audit row id. */
  eventId: string;
}

/**
 * Restores version `versionId` of section `sectionId` into its text.
 * @throws AppError not_found (section, or a version of another section); refused (422) when
 *   the report is finalized or the section is not editable (审核中 / 已通过); forbidden when
 *   the actor is neither an admin nor an editor of the section's department.
 */
export async function restoreVersion(db: Db, opts: { sectionId: string; versionId: string; actor: Principal }): Promise<RestoreVersionResult> {
  const { section, report, facts } = await getSection(db, opts.sectionId);
  if (!isReportOpen(report.status)) throw refused("总结已定稿，不能恢复历史版本");
  if (!STATE_META[section.state].editable) throw refused(`「${STATE_META[section.state].label}」状态下正文已锁定，不能恢复历史版本`);
  assertSection(opts.actor, "restore", facts, "只有管理员或本部门撰稿人可以恢复历史版本");
  const versions = await db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, section.id));
  const version = versions.find((v) => v.id === opts.versionId);
  if (!version) throw notFound("版本");
  const label = versionLabels(versions).get(version.id)!.label;

  await applySectionEdit(db, section.id, replaceBody(version.contentJson as JSONContent));
  const [audit] = await db.insert(reviewEvents).values({
    sectionId: section.id, actorId: opts.actor.id, event: "restore", fromState: section.state, toState: section.state,
    comment: `恢复为${label}`, versionId: version.id,
  }).returning({ id: reviewEvents.id });
  await db.update(sections).set({ lastActivityAt: new Date() }).where(eq(sections.id, section.id));
  return { sectionId: section.id, versionId: version.id, label, eventId: audit.id };
}
