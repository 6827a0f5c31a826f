/**
 * Assembles a report into the document the exporters print (lib/export/types.ts): title,
 * organisation, opening, and every section in outline order with its computed number.
 */
import { DONE_STATE, isDone } from "@/lib/workflow/vocabulary";
import type { DbOrTx } from "@/db/client";
import { refused } from "@/lib/errors";
import { prosemirrorToBlocks, textToBlocks } from "@/lib/export/blocks";
import type { AssembledDocument, AssembledSection, Block } from "@/lib/export/types";
import { unreadableMarker, type RenderedSection } from "@/lib/collab/render-section";
import { getReportWithOutline, type OutlineSection } from "@/lib/reports/get-report";
import { signOffOf } from "@/lib/reports/report-parts";
import { currentContent, latestApprovedContent } from "./load-content";

export interface AssembleOptions {
  /**
   * true (finals): every reviewed section's latest approved version, refused when one has none.
   * false (drafts, preview): the approved version of approved sections, else the live text.
   */
  useApproved: boolean;
}

/** "2026年7月10日" in China's time zone, the 成文日期 format of GB/T 9704-2012 §7.3.5. */
export function chineseDate(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return `${get("year")}年${get("month")}月${get("day")}日`;
}

/** True for a section whose text is written and reviewed (not a grouping heading). */
export function isReviewed(section: Pick<OutlineSection, "headingOnly">): boolean {
  return !section.headingOnly;
}

/**
 * Blocks of a section's body: its approved version's JSON, else its live text; a marker naming
 * the section when that text cannot be read, so one broken section never stops the report.
 */
function sectionBlocks(title: string, approved: unknown, live: RenderedSection | undefined): Block[] {
  const marker: Block[] = [{ type: "paragraph", runs: [{ text: unreadableMarker(title), bold: true }] }];
  try {
    if (approved !== undefined) return prosemirrorToBlocks(approved);
    if (live && !live.ok) return marker;
    return prosemirrorToBlocks(live?.json ?? { type: "doc" });
  } catch (err) {
    console.warn(`[hegao] section ${title} could not be converted for export`, err);
    return marker;
  }
}

/**
 * Builds the AssembledDocument of a report. Heading-only sections contribute only their
 * heading; the opening comes from its own section (approved version, or live text in drafts);
 * 主送, 附件 and 落款 from the report (落款 unit: stored, else the organisation; date: stored
 * 成文日期, else none here — finalize dates it). `draft` is `!useApproved`; finals get no `finalVersion` here (finalize sets it).
 * A section whose live text cannot be read is assembled as unreadableMarker(title).
 * @throws AppError not_found (report), refused (useApproved and a section has no approved version).
 */
export async function assembleReport(db: DbOrTx, reportId: string, opts: AssembleOptions): Promise<AssembledDocument> {
  const { report, sections, opening } = await getReportWithOutline(db, reportId);
  const reviewed = [...sections.filter(isReviewed), ...(opening ? [opening] : [])];
  const approved = await latestApprovedContent(db, reviewed.filter((s) => opts.useApproved || isDone(s.state)).map((s) => s.id));
  const liveIds = opts.useApproved ? [] : reviewed.filter((s) => !approved.has(s.id)).map((s) => s.id);
  const live = await currentContent(db, liveIds);
  const missing = opts.useApproved ? reviewed.filter((s) => !approved.has(s.id)) : [];
  if (missing.length) {
    throw refused(`以下章节没有已通过的版本：${missing.map((s) => `${s.number}${s.title}`).join("、")}`);
  }
  const sign = signOffOf(report);
  const assembled: AssembledSection[] = sections.map((s) => ({
    id: s.id,
    number: s.number,
    title: s.title,
    level: Math.min(4, Math.max(1, s.level)) as AssembledSection["level"],
    blocks: s.headingOnly ? [] : sectionBlocks(s.title, approved.get(s.id), live.get(s.id)),
    state: s.headingOnly ? DONE_STATE : s.state, // a heading-only section has no text to review
    ...(s.departmentName ? { departmentName: s.departmentName } : {}),
  }));
  return {
    title: report.title,
    organisation: sign.unit,
    ...(sign.date ? { date: chineseDate(new Date(`${sign.date}T12:00:00+08:00`)) } : {}),
    preamble: opening ? sectionBlocks(opening.title, approved.get(opening.id), live.get(opening.id)) : textToBlocks(report.preamble),
    addressee: report.addressee,
    attachments: report.attachments,
    sections: assembled,
    draft: !opts.useApproved,
  };
}
