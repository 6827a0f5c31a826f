/**
 * The notification kinds Hegao sends, with their zh-CN labels. The recipients of each kind are
 * data, in lib/notify/recipients.ts; the producers (review transitions, comments, 催报, the
 * deadline scheduler, report finalize/reopen) only name the kind and the context.
 */
export const NOTIFICATION_KINDS = {
  section_submitted: "章节已提交审核",
  stage_reached: "章节待您审核",
  section_approved: "章节已审核通过",
  stage_advanced: "章节进入下一审核环节",
  section_returned: "章节被退回修改",
  comment_added: "新批注",
  comment_reply: "批注有新回复",
  mention: "有人@了您",
  due_soon: "截止日期临近",
  overdue: "已逾期",
  report_finalized: "总结已定稿",
  report_reopened: "总结已重新打开",
  chase: "催报",
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/**
 * What a producer tells `notify`: the kind and its context. Recipients are resolved from the
 * kind's rules (lib/notify/recipients.ts) plus `userIds` (accounts named explicitly: a reply's
 * addressee, an @mention). The actor never notifies themself.
 */
export interface NotificationEvent {
  kind: NotificationKind;
  reportId: string;
  sectionId?: string | null;
  commentId?: string | null;
  /** Department concerned (催报, deadline reminders); defaults to the section's department. */
  departmentId?: string | null;
  /** Who caused it (null: the scheduler). */
  actorId?: string | null;
  /** Accounts named explicitly (replies, @mentions). */
  userIds?: string[];
  /** Short zh-CN line, e.g. "《一、党建工作》被退回修改". */
  title: string;
  /** Longer text: the comment, the note of a 催报… */
  body?: string;
  /** App-relative link; defaults to the section's page or the report's page. */
  link?: string;
  /** Idempotency for reminders: one notification per (recipient, dedupeKey), ever. */
  dedupeKey?: string;
}
