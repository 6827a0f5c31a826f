/**
 * Applies one review event to a section, pure: the (state, event) table (./table.ts), the
 * chain's stages (./progress.ts) and separation of duties. Returns what the command must write;
 * throws a TransitionError with a Chinese reason. No database, no React.
 */
import { admits, type ChainAccount } from "./chain";
import { stageProgress, standing, type ReviewFacts } from "./progress";
import { stepFor, WORKFLOW, type ActorKind } from "./table";
import { EVENT_META, STATE_META, type ReviewEvent, type SectionState } from "./vocabulary";

/**
 * not_allowed: the actor's kind may never fire the event; not_approver: not an approver of the
 * current stage or barred by separation of duties (the message says which).
 */
export type TransitionErrorCode = "invalid_state" | "not_allowed" | "not_approver" | "comment_required" | "invalid_target";

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

export interface DecideInput {
  state: SectionState;
  event: ReviewEvent;
  actor: ChainAccount;
  departmentId: string | null;
  facts: ReviewFacts;
  comment?: string | null;
  /** request_changes: back to the previous stage's approvers instead of the editors. */
  returnToPrevious?: boolean;
  /** delegate: the account taking over the pending approval. */
  to?: ChainAccount | null;
  /** delegate by an admin: whose pending approval is handed over (default: the actor's own). */
  from?: ChainAccount | null;
  /** Only ask whether the actor may fire the event (no comment or target needed). */
  checkOnly?: boolean;
}

export interface Outcome {
  to: SectionState;
  /** Stage (1-based) the section waits at afterwards (1 when not in review). */
  stage: number;
  /** The stage the event acted at (for the audit row), or null. */
  actedAtStage: number | null;
  stageChanged: boolean;
  approval?: { stage: number; onBehalfOfId: string | null };
  delegation?: { stage: number; fromId: string; toId: string };
  /** Void live approvals of this round at stages >= n (1: back to the editors; k-1: return to the previous stage). */
  voidFromStage?: number;
  startsRound?: boolean;
  freezes?: "submitted" | "approved";
}

/** True when `actor` is the kind of actor `kind` names, before looking at the stage. */
function actorKindMatches(kind: ActorKind, i: DecideInput): boolean {
  const own = i.departmentId !== null && i.actor.departmentId === i.departmentId;
  switch (kind) {
    case "assigned_editor":
      return i.actor.role === "editor" && own;
    case "stage_approver":
      return mayEverApprove(i);
    case "stage_approver_or_admin":
      return i.actor.role === "admin" || mayEverApprove(i);
    case "admin":
      return i.actor.role === "admin";
  }
}

/** Could the actor approve at any stage of the chain (rules or a delegation)? */
function mayEverApprove(i: DecideInput): boolean {
  return i.facts.delegations.some((d) => d.toId === i.actor.id) || i.facts.chain.some((_, k) => standing(i.actor, k + 1, i.departmentId, { ...i.facts, approvals: [], submittedBy: null }).ok);
}

const notAllowed = (event: ReviewEvent) => new TransitionError("not_allowed", `您的角色不能执行「${EVENT_META[event].label}」`);

/**
 * The outcome of `event`.
 * @throws TransitionError not_allowed (wrong actor, not an approver of this stage, separation
 *   of duties — the message says which), invalid_state (not possible in this state, or withdraw
 *   after an approval), comment_required, invalid_target (delegate to an account that may not approve).
 */
export function decide(i: DecideInput): Outcome {
  const { state, event, facts } = i;
  const anyStep = Object.values(WORKFLOW).map((row) => row[event]).find(Boolean);
  if (!anyStep || !actorKindMatches(anyStep.actor, i)) {
    // Say why when a rule names the actor but separation of duties bars them (a department's editor).
    const def = facts.chain[facts.stage - 1];
    const barred = anyStep?.actor.startsWith("stage_") && def && admits(def, i.actor, i.departmentId).ok;
    const s = barred ? standing(i.actor, facts.stage, i.departmentId, facts) : null;
    throw s && !s.ok ? new TransitionError("not_allowed", s.reason) : notAllowed(event);
  }
  const step = stepFor(state, event);
  if (!step) {
    throw new TransitionError("invalid_state", `当前状态为「${STATE_META[state].label}」，不能执行「${EVENT_META[event].label}」，请刷新后重试`);
  }
  const comment = i.comment?.trim();
  const stage = facts.stage;
  const def = facts.chain[stage - 1];
  // Back to the editors (return, withdraw, reopen): the round is over and its approvals are void.
  const base: Outcome = {
    to: step.to, stage: 1, actedAtStage: null, stageChanged: true, freezes: step.freezes, startsRound: step.startsRound,
    ...(STATE_META[step.to].editable ? { voidFromStage: 1 } : {}),
  };

  if (step.beforeFirstApproval && facts.approvals.length > 0) {
    throw new TransitionError("invalid_state", "已有审核人通过，不能撤回；如需修改，请联系审核人退回");
  }
  if (step.actor === "stage_approver") {
    const s = standing(i.actor, stage, i.departmentId, facts);
    if (!s.ok) throw new TransitionError("not_approver", s.reason);
    if (step.needsComment && !comment && !i.checkOnly) throw new TransitionError("comment_required", step.needsComment);
    if (step.approves) return approve(i, s.onBehalfOfId);
    if (step.mayReturnToPrevious && i.returnToPrevious && stage > 1) {
      return { ...base, to: "in_review", stage: stage - 1, actedAtStage: stage, voidFromStage: stage - 1 };
    }
    return { ...base, actedAtStage: stage };
  }
  if (step.delegates) return delegate(i, def?.name ?? "");
  if (step.needsComment && !comment && !i.checkOnly) throw new TransitionError("comment_required", step.needsComment);
  return base;
}

function approve(i: DecideInput, onBehalfOfId: string | null): Outcome {
  const { facts } = i;
  const stage = facts.stage;
  const approval = { stage, onBehalfOfId };
  const after = { ...facts, approvals: [...facts.approvals, { ...approval, approverId: i.actor.id, at: new Date(0) }] };
  if (!stageProgress(stage, i.departmentId, after).complete) {
    return { to: "in_review", stage, actedAtStage: stage, stageChanged: false, approval };
  }
  if (stage < facts.chain.length) return { to: "in_review", stage: stage + 1, actedAtStage: stage, stageChanged: true, approval };
  return { to: "approved", stage: 1, actedAtStage: stage, stageChanged: true, approval, freezes: "approved" };
}

function delegate(i: DecideInput, stageName: string): Outcome {
  const { facts } = i;
  const stage = facts.stage;
  const own = standing(i.actor, stage, i.departmentId, facts);
  if (!own.ok && i.actor.role !== "admin") throw new TransitionError("not_approver", own.reason);
  const out: Outcome = { to: "in_review", stage, actedAtStage: stage, stageChanged: false };
  if (i.checkOnly) return out;
  const from = i.from ?? i.actor;
  if (from.id !== i.actor.id && i.actor.role !== "admin") throw new TransitionError("not_allowed", "只能转交您自己的审核");
  if (from.id !== i.actor.id && !standing(from, stage, i.departmentId, facts).ok) {
    throw new TransitionError("invalid_target", "该账号在本环节没有待办的审核，无法转交");
  }
  const to = i.to;
  if (!to) throw new TransitionError("invalid_target", "请选择转交给谁");
  if (to.id === from.id) throw new TransitionError("invalid_target", "不能转交给自己");
  if (facts.delegations.some((d) => d.stage === stage && d.fromId === from.id)) throw new TransitionError("invalid_target", "本环节的这项审核已经转交过");
  // The new approver must be one the stage rule admits, unless an admin picks them.
  const target = standing(to, stage, i.departmentId, { ...facts, delegations: [...facts.delegations, { stage, fromId: from.id, toId: to.id }] });
  if (!target.ok) throw new TransitionError("invalid_target", `不能转交给 ${to.name ?? to.username}：${target.reason.replace(/^您/, "该账号")}`);
  const ruleAdmits = standing(to, stage, i.departmentId, facts).ok;
  if (!ruleAdmits && i.actor.role !== "admin") throw new TransitionError("invalid_target", `${to.name ?? to.username} 不是「${stageName}」环节的审核人，只有管理员可以指定其他人`);
  return { ...out, delegation: { stage, fromId: from.id, toId: to.id } };
}
