/**
 * The section workflow as a table keyed by (state, event) (design.md "Review states" and
 * "Review chains"):
 *
 *   draft / changes_requested --submit--> in_review(stage 1)
 *   in_review(k) --approve--> in_review(k) (会签 not complete) | in_review(k+1) | approved (last stage)
 *   in_review(k) --request_changes(comment[, back])--> changes_requested | in_review(k-1)
 *   in_review(k) --withdraw (before the first approval)--> draft
 *   in_review(k) --delegate(to)--> in_review(k)
 *   approved --reopen(admin, reason)--> draft (voids every approval)
 *
 * Each step says who may fire it and what it does; `decide` (./decide.ts) applies it.
 */
import type { ReviewEvent, SectionState } from "./vocabulary";

/** Who may fire a step. */
export type ActorKind =
  /** An editor of the section's assigned department. */
  | "assigned_editor"
  /** An approver of the current stage (by its rules or by delegation). */
  | "stage_approver"
  /** A pending approver of the current stage, or an admin. */
  | "stage_approver_or_admin"
  | "admin";

export interface Step {
  /** Target state; approve reaches it only after the last stage (else stays in_review). */
  to: SectionState;
  actor: ActorKind;
  /** A comment (意见 / 原因) is required. */
  needsComment?: string;
  /** Freezes a version of this kind. */
  freezes?: "submitted" | "approved";
  /** Records an approval at the current stage and advances when the stage is complete. */
  approves?: true;
  /** May go back to the previous stage instead of the editors. */
  mayReturnToPrevious?: true;
  /** Refused once any approval of the round is recorded. */
  beforeFirstApproval?: true;
  /** Starts a new review round (earlier approvals are void). */
  startsRound?: true;
  /** Hands a pending approval to another account. */
  delegates?: true;
}

const submit: Step = { to: "in_review", actor: "assigned_editor", freezes: "submitted", startsRound: true };

export const WORKFLOW: Record<SectionState, Partial<Record<ReviewEvent, Step>>> = {
  draft: { submit },
  changes_requested: { submit },
  in_review: {
    approve: { to: "approved", actor: "stage_approver", approves: true, freezes: "approved" },
    request_changes: { to: "changes_requested", actor: "stage_approver", needsComment: "退回修改需要填写意见", mayReturnToPrevious: true },
    withdraw: { to: "draft", actor: "assigned_editor", beforeFirstApproval: true },
    delegate: { to: "in_review", actor: "stage_approver_or_admin", delegates: true },
  },
  approved: {
    reopen: { to: "draft", actor: "admin", needsComment: "重新打开需要填写原因" },
  },
};

/** The step for (state, event), or undefined when the event is not possible in that state. */
export const stepFor = (state: SectionState, event: ReviewEvent): Step | undefined => WORKFLOW[state][event];

/** Events possible from `state`. */
export const eventsFrom = (state: SectionState): ReviewEvent[] => Object.keys(WORKFLOW[state]) as ReviewEvent[];

const allSteps = (): [ReviewEvent, Step][] => Object.values(WORKFLOW).flatMap((row) => Object.entries(row) as [ReviewEvent, Step][]);
/** The event that records an approval (通过). */
export const APPROVING_EVENT: ReviewEvent = allSteps().find(([, s]) => s.approves)![0];
/** The event that hands a pending approval over (转交). */
export const DELEGATING_EVENT: ReviewEvent = allSteps().find(([, s]) => s.delegates)![0];
/** True when `event` freezes the editors' text from some state (the room must be flushed first). */
export const freezesSubmission = (event: ReviewEvent): boolean => allSteps().some(([e, s]) => e === event && s.freezes === "submitted");
/** True when `event` is an approver's decision at a stage (approve, return). */
export const isStageDecision = (state: SectionState, event: ReviewEvent): boolean => stepFor(state, event)?.actor === "stage_approver";
