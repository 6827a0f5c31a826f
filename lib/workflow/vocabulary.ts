/**
 * The one vocabulary of Hegao's review workflow: section states, review events and report
 * statuses with their Chinese labels and badge tones (Tailwind classes). Pages, exports and
 * messages read these; nobody else declares a label or a colour for a state.
 */
import type { ReportStatus as DbReportStatus, SectionState as DbSectionState } from "@/db/schema";

// Declared again (type-checked against db/schema.ts both ways) so client components can import
// the vocabulary without pulling drizzle into the browser bundle.
export const SECTION_STATES = ["draft", "in_review", "approved", "changes_requested"] as const satisfies readonly DbSectionState[];
export type SectionState = (typeof SECTION_STATES)[number];
export const REPORT_STATUSES = ["collecting", "finalized"] as const satisfies readonly DbReportStatus[];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
const _allStates: Record<DbSectionState, true> = { draft: true, in_review: true, approved: true, changes_requested: true } satisfies Record<SectionState, true>;
const _allStatuses: Record<DbReportStatus, true> = { collecting: true, finalized: true } satisfies Record<ReportStatus, true>;
void _allStates;
void _allStatuses;

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
  /** Shown to the department's editors while the text is locked, or null. */
  lockedHint: string | null;
}

export const STATE_META: Record<SectionState, StateMeta> = {
  draft: { label: "草稿", tone: "bg-slate-100 text-slate-700", editable: true, staged: false, done: false, lockedHint: null },
  in_review: {
    label: "审核中", tone: "bg-blue-50 text-blue-700", editable: false, staged: true, done: false,
    lockedHint: "已提交审核，正文暂不可编辑；如需修改，请先撤回提交。",
  },
  approved: { label: "已通过", tone: "bg-emerald-50 text-emerald-700", editable: false, staged: false, done: true, lockedHint: "已审核通过，正文已锁定。" },
  changes_requested: { label: "退回修改", tone: "bg-amber-50 text-amber-800", editable: true, staged: false, done: false, lockedHint: null },
};

export interface EventMeta {
  label: string;
  /** Label of the result, for messages ("已通过"). */
  done: string;
  /** Primary button. */
  primary: boolean;
  /** Its comment is the reviewers' return reason the editors must see (退回意见). */
  returnReason: boolean;
  /** Fired from the review page (approvers) rather than the editor's sidebar. */
  onReviewPage: boolean;
  /** The comment box of its form, or null when it takes none. */
  comment: { label: string; placeholder: string } | null;
}

export const EVENT_META: Record<ReviewEvent, EventMeta> = {
  submit: { label: "提交审核", done: "已提交审核", primary: true, returnReason: false, onReviewPage: false, comment: null },
  withdraw: { label: "撤回提交", done: "已撤回提交", primary: false, returnReason: false, onReviewPage: false, comment: null },
  approve: { label: "通过", done: "已通过", primary: true, returnReason: false, onReviewPage: true, comment: null },
  request_changes: {
    label: "退回修改", done: "已退回修改", primary: false, returnReason: true, onReviewPage: true,
    comment: { label: "退回意见（必填）", placeholder: "请写明需要修改的内容" },
  },
  reopen: {
    label: "重新打开", done: "已重新打开", primary: false, returnReason: false, onReviewPage: false,
    comment: { label: "重新打开的原因", placeholder: "例如：数据需要更新" },
  },
  delegate: { label: "转交", done: "已转交", primary: false, returnReason: false, onReviewPage: true, comment: { label: "说明（可选）", placeholder: "" } },
};

/** Labels of frozen version kinds. */
export const VERSION_KIND_LABELS = { submitted: "提交稿", approved: "通过稿" } as const;

export const REPORT_STATUS_META: Record<ReportStatus, { label: string; tone: string; open: boolean }> = {
  collecting: { label: "收集中", tone: "bg-blue-50 text-blue-700", open: true },
  finalized: { label: "已定稿", tone: "bg-green-100 text-green-800", open: false },
};

/** States in which the text may change. */
export const EDITABLE_STATES: readonly SectionState[] = SECTION_STATES.filter((s) => STATE_META[s].editable);
/** The one state whose text is signed off (STATE_META `done`): what a final assembles. */
export const DONE_STATE: SectionState = SECTION_STATES.find((s) => STATE_META[s].done)!;

/** Label of a state (unknown strings, e.g. from old audit rows, are shown as they are). */
export const stateLabel = (s: string): string => STATE_META[s as SectionState]?.label ?? s;
/**
 * Audit rows of `review_events` that are not review transitions (the state stays): restoring an
 * earlier version into the draft (lib/review/restore-version.ts).
 */
export const AUDIT_EVENTS = { restore: { label: "恢复历史版本" } } as const;
export type AuditEvent = keyof typeof AUDIT_EVENTS;
/** True when `e` is a review transition (not an audit-only row such as a restore). */
export const isReviewEvent = (e: string): e is ReviewEvent => (REVIEW_EVENTS as readonly string[]).includes(e);
/** Label of an event (a review transition or an audit-only row). */
export const eventLabel = (e: string): string => EVENT_META[e as ReviewEvent]?.label ?? AUDIT_EVENTS[e as AuditEvent]?.label ?? e;
/** True when the section is signed off. */
export const isDone = (s: SectionState): boolean => STATE_META[s].done;
/** True when the section waits in its review chain. */
export const isStaged = (s: SectionState): boolean => STATE_META[s].staged;
/** True while a report accepts section changes (not finalized). */
export const isReportOpen = (s: ReportStatus): boolean => REPORT_STATUS_META[s].open;
