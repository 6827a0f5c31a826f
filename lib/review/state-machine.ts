/**
 * The review state machine of a section, pure: no database, no React (design.md "Review states").
 *
 *   draft --submit--> in_review --approve--> approved --reopen(admin, reason)--> draft
 *     ^                  |  \--request_changes(comment)--> changes_requested --submit--> in_review
 *     \---withdraw-------/
 */
import type { Role, SectionState } from "@/db/schema";

export const REVIEW_EVENTS = ["submit", "withdraw", "approve", "request_changes", "reopen"] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

interface Rule {
  from: readonly SectionState[];
  to: SectionState;
  /** Who may fire it: the assigned department's editors, or reviewers/admins, or admins only. */
  actor: "assigned_editor" | "reviewer" | "admin";
  /** A comment (reason) is required. */
  needsComment: boolean;
}

/** The transition table. */
export const TRANSITIONS: Record<ReviewEvent, Rule> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", actor: "assigned_editor", needsComment: false },
  withdraw: { from: ["in_review"], to: "draft", actor: "assigned_editor", needsComment: false },
  approve: { from: ["in_review"], to: "approved", actor: "reviewer", needsComment: false },
  request_changes: { from: ["in_review"], to: "changes_requested", actor: "reviewer", needsComment: true },
  reopen: { from: ["approved"], to: "draft", actor: "admin", needsComment: true },
};

/** States in which the text may change. */
export const EDITABLE_STATES: readonly SectionState[] = ["draft", "changes_requested"];

export const STATE_LABELS: Record<SectionState, string> = {
  draft: "草稿",
  in_review: "审核中",
  approved: "已通过",
  changes_requested: "退回修改",
};

export const EVENT_LABELS: Record<ReviewEvent, string> = {
  submit: "提交审核",
  withdraw: "撤回提交",
  approve: "通过",
  request_changes: "退回修改",
  reopen: "重新打开",
};

/** Who fires an event, as the state machine needs to know it. */
export interface Actor {
  role: Role;
  /** True when the actor belongs to the department the section is assigned to. */
  inAssignedDepartment: boolean;
}

export type TransitionErrorCode = "invalid_state" | "not_allowed" | "comment_required";

/** A refused transition with a typed reason and a Chinese message. */
export class TransitionError extends Error {
  constructor(
    readonly reason: TransitionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TransitionError";
  }
}

/** True when `actor` is the kind of actor `rule` names (admins may do what reviewers may). */
export function actorMatches(rule: Rule["actor"], actor: Actor): boolean {
  switch (rule) {
    case "assigned_editor":
      // Only the department's own editors write and submit; the coordinating office reviews.
      return actor.role === "editor" && actor.inAssignedDepartment;
    case "reviewer":
      return actor.role === "reviewer" || actor.role === "admin";
    case "admin":
      return actor.role === "admin";
  }
}

/**
 * Applies `event` to `state` for `actor`. Returns the next state.
 * @throws TransitionError not_allowed (wrong actor), invalid_state (event not allowed from this
 *   state), comment_required (request_changes / reopen without a comment).
 */
export function transition(state: SectionState, event: ReviewEvent, actor: Actor, comment?: string): SectionState {
  const rule = TRANSITIONS[event];
  if (!actorMatches(rule.actor, actor)) {
    throw new TransitionError("not_allowed", `您的角色不能执行「${EVENT_LABELS[event]}」`);
  }
  if (!rule.from.includes(state)) {
    throw new TransitionError(
      "invalid_state",
      `当前状态为「${STATE_LABELS[state]}」，不能执行「${EVENT_LABELS[event]}」，请刷新后重试`,
    );
  }
  if (rule.needsComment && !comment?.trim()) {
    throw new TransitionError("comment_required", event === "reopen" ? "重新打开需要填写原因" : "退回修改需要填写意见");
  }
  return rule.to;
}

/** Events `actor` may fire from `state` (for buttons). */
export function availableEvents(state: SectionState, actor: Actor): ReviewEvent[] {
  return REVIEW_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state) && actorMatches(TRANSITIONS[e].actor, actor));
}
