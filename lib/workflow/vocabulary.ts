/**
 * The one vocabulary of Hegao's review workflow: section states, review events and report
 * statuses with their Chinese labels and badge tones (Tailwind classes). Pages, exports and
 * messages read these; nobody else declares a label or a colour for a state.
 */
import { REPORT_STATUSES, SECTION_STATES, type ReportStatus, type SectionState } from "@/db/schema";

export { REPORT_STATUSES, SECTION_STATES, type ReportStatus, type SectionState };

export const REVIEW_EVENTS = ["submit", "withdraw", "approve", "request_changes", "reopen", "delegate"] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

export interface StateMeta {
  label: string;
  /** Badge classes (background + text colour). */
  tone: string;
  /** The text may change (editors type, the collaboration server accepts writes). */
  editable: boolean;
  /** The section waits at a stage of its review chain. */
  staged: boolean;
  /** The section is signed off: counts as done for progress, finalize and the final document. */
  done: boolean;
}

export const STATE_META: Record<SectionState, StateMeta> = {
  draft: { label: "草稿", tone: "bg-slate-100 text-slate-700", editable: true, staged: false, done: false },
  in_review: { label: "审核中", tone: "bg-blue-50 text-blue-700", editable: false, staged: true, done: false },
  approved: { label: "已通过", tone: "bg-green-100 text-green-800", editable: false, staged: false, done: true },
  changes_requested: { label: "退回修改", tone: "bg-amber-50 text-amber-800", editable: true, staged: false, done: false },
};

export interface EventMeta {
  label: string;
  /** Label of the result, for messages ("已通过"). */
  done: string;
  /** Primary button. */
  primary: boolean;
}

export const EVENT_META: Record<ReviewEvent, EventMeta> = {
  submit: { label: "提交审核", done: "已提交审核", primary: true },
  withdraw: { label: "撤回提交", done: "已撤回提交", primary: false },
  approve: { label: "通过", done: "已通过", primary: true },
  request_changes: { label: "退回修改", done: "已退回修改", primary: false },
  reopen: { label: "重新打开", done: "已重新打开", primary: false },
  delegate: { label: "转交", done: "已转交", primary: false },
};

export const REPORT_STATUS_META: Record<ReportStatus, { label: string; tone: string; open: boolean }> = {
  collecting: { label: "收集中", tone: "bg-blue-50 text-blue-700", open: true },
  finalized: { label: "已定稿", tone: "bg-green-100 text-green-800", open: false },
};

/** States in which the text may change. */
export const EDITABLE_STATES: readonly SectionState[] = SECTION_STATES.filter((s) => STATE_META[s].editable);

/** Label of a state (unknown strings, e.g. from old audit rows, are shown as they are). */
export const stateLabel = (s: string): string => STATE_META[s as SectionState]?.label ?? s;
/** Label of an event. */
export const eventLabel = (e: string): string => EVENT_META[e as ReviewEvent]?.label ?? e;
/** True when the section is signed off. */
export const isDone = (s: SectionState): boolean => STATE_META[s].done;
/** True when the section waits in its review chain. */
export const isStaged = (s: SectionState): boolean => STATE_META[s].staged;
/** True while a report accepts section changes (not finalized). */
export const isReportOpen = (s: ReportStatus): boolean => REPORT_STATUS_META[s].open;
