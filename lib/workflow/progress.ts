/**
 * How far a section is in its review chain: who stands as an approver of a stage (rules,
 * delegations, separation of duties), who approved, who is pending, and whether the stage is
 * complete. Pure (design.md "Review chains").
 */
import { admits, type Chain, type ChainAccount } from "./chain";

/** A live approval of the current review round. */
export interface ApprovalFact {
  stage: number;
  approverId: string;
  onBehalfOfId: string | null;
  at: Date;
}

/** A delegation (转交) of the current review round. */
export interface DelegationFact {
  stage: number;
  fromId: string;
  toId: string;
}

/** Everything the chain decisions need about a section's current review round. */
export interface ReviewFacts {
  chain: Chain;
  /** Current stage, 1-based (meaningful in review). */
  stage: number;
  approvals: ApprovalFact[];
  delegations: DelegationFact[];
  /** Who submitted the version under review (it is theirs: they may not approve it). */
  submittedBy: string | null;
  /** Active accounts, to list pending approvers and to know when a 会签 stage is complete. */
  accounts: ChainAccount[];
}

export type Standing = { ok: true; onBehalfOfId: string | null } | { ok: false; reason: string };

/**
 * May `actor` approve at `stage` of this round? Separation of duties (design.md): nobody
 * approves twice in one round, nobody approves a version they submitted, and an editor of the
 * section's department approves only as its department lead.
 */
export function standing(actor: ChainAccount, stage: number, departmentId: string | null, f: ReviewFacts): Standing {
  const def = f.chain[stage - 1];
  if (!def) return { ok: false, reason: "审核流程中没有这个环节" };
  if (f.approvals.some((a) => a.approverId === actor.id)) return { ok: false, reason: "您已在本轮审核中通过过此章节，同一人不能重复审核" };
  const delegated = f.delegations.find((d) => d.stage === stage && d.toId === actor.id);
  const rule = admits(def, actor, departmentId);
  if (!delegated) {
    if (!rule.ok) return { ok: false, reason: `您不是「${def.name}」环节的审核人` };
    if (f.delegations.some((d) => d.stage === stage && d.fromId === actor.id)) return { ok: false, reason: "您已将本环节的审核转交给他人" };
  }
  if (f.submittedBy === actor.id) return { ok: false, reason: "此版本由您提交，不能审核自己提交的内容" };
  if (actor.role === "editor" && departmentId !== null && actor.departmentId === departmentId && !rule.asLead) {
    return { ok: false, reason: "本部门的撰稿人只能以部门负责人身份审核本部门的章节" };
  }
  return { ok: true, onBehalfOfId: delegated && delegated.fromId !== actor.id ? delegated.fromId : null };
}

export interface StageProgress {
  stage: number;
  approvals: ApprovalFact[];
  /** Accounts whose approval is still awaited (for `any`: every possible approver until one approves). */
  pending: ChainAccount[];
  complete: boolean;
}

/** Progress of `stage` given the round's approvals (pass extra approvals to look ahead). */
export function stageProgress(stage: number, departmentId: string | null, f: ReviewFacts): StageProgress {
  const def = f.chain[stage - 1];
  const approvals = f.approvals.filter((a) => a.stage === stage);
  const done = new Set(approvals.flatMap((a) => [a.approverId, a.onBehalfOfId ?? ""]));
  // Who this stage waits for: everyone standing now, and whoever approved here already.
  const required = f.accounts.filter((acc) => !done.has(acc.id) && standing(acc, stage, departmentId, f).ok);
  const complete = def?.mode === "all" ? approvals.length > 0 && required.length === 0 : approvals.length > 0;
  return { stage, approvals, pending: complete ? [] : required, complete };
}
