/**
 * Where a notification leads (pure; the server's `notify` and the browser's bell share it):
 * kinds that ask the reader to review (待您审核, 提交审核) open the section's review page, other
 * section notifications the section, the rest the report.
 */
import type { NotificationKind } from "./kinds";

/** Kinds whose reader is an approver: their link is the review page. */
export const REVIEW_LINK_KINDS: readonly NotificationKind[] = ["section_submitted", "stage_reached"];

/** App-relative link of a notification. */
export function notificationLink(n: { kind: string; sectionId?: string | null; reportId?: string | null }): string {
  if (n.sectionId) return REVIEW_LINK_KINDS.includes(n.kind as NotificationKind) ? `/sections/${n.sectionId}/review` : `/sections/${n.sectionId}`;
  return n.reportId ? `/reports/${n.reportId}` : "/notifications";
}
