/**
 * The report lifecycle as a small machine (design.md "Documents"):
 *
 *   collecting --finalize--> finalized --reopen(admin, reason)--> collecting (reopened)
 *   finalized --roll_forward--> finalized (the next period's report is a new report)
 *
 * Pure; lib/assembly's finalize and reopen commands ask it instead of comparing statuses.
 */
import type { ReportStatus } from "./vocabulary";

export const REPORT_EVENTS = ["finalize", "reopen", "roll_forward"] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

const TABLE: Record<ReportStatus, Partial<Record<ReportEvent, { to: ReportStatus }>>> = {
  collecting: { finalize: { to: "finalized" } },
  finalized: { reopen: { to: "collecting" }, roll_forward: { to: "finalized" } },
};

const REFUSALS: Record<ReportEvent, string> = {
  finalize: "总结已经定稿；如需再次定稿，请先重新打开",
  reopen: "总结尚未定稿，无需重新打开",
  roll_forward: "只有已定稿的总结才能开始下一期",
};

/** The status after `event`, or a Chinese refusal when `event` is not possible from `status`. */
export function reportTransition(status: ReportStatus, event: ReportEvent): { to: ReportStatus } | { refusal: string } {
  const step = TABLE[status][event];
  return step ? { to: step.to } : { refusal: REFUSALS[event] };
}

/** True when `event` is possible from `status` (drives buttons such as 开始下一期). */
export function reportEventAllowed(status: ReportStatus, event: ReportEvent): boolean {
  return !!TABLE[status][event];
}
