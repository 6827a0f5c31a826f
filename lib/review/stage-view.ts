/**
 * A section's place in its review chain as the API, the review page's stepper and the
 * dashboard show it: the current stage (`GET /api/sections/<id>` field `stage`) and every
 * stage with who approved when and who is still pending.
 */
import type { SectionState } from "@/db/schema";
import { isDone, isStaged, stageProgress, type ChainAccount, type ChainStage, type ReviewFacts } from "@/lib/workflow";

/** design.md: `stage: { index, count, name, mode, approvals: [{ username, at }], pending: [username] } | null`. */
export interface StageJson {
  index: number;
  count: number;
  name: string;
  mode: ChainStage["mode"];
  approvals: { username: string; at: string }[];
  pending: string[];
}

export interface StepView {
  index: number;
  name: string;
  mode: ChainStage["mode"];
  status: "done" | "current" | "upcoming";
  approvals: { username: string; name: string; at: Date; onBehalfOf: string | null }[];
  pending: { username: string; name: string }[];
}

const who = (accounts: ChainAccount[], id: string | null) => accounts.find((a) => a.id === id);

/** Every stage of the chain for the stepper. */
export function chainSteps(state: SectionState, departmentId: string | null, f: ReviewFacts): StepView[] {
  return f.chain.map((stage, k) => {
    const index = k + 1;
    const status = isDone(state) || (isStaged(state) && index < f.stage) ? "done" : isStaged(state) && index === f.stage ? "current" : "upcoming";
    const p = stageProgress(index, departmentId, f);
    return {
      index, name: stage.name, mode: stage.mode, status,
      approvals: p.approvals.map((a) => {
        const acc = who(f.accounts, a.approverId);
        return { username: acc?.username ?? "?", name: acc?.name ?? acc?.username ?? "（已停用账号）", at: a.at, onBehalfOf: who(f.accounts, a.onBehalfOfId)?.name ?? null };
      }),
      pending: status === "current" ? p.pending.map((a) => ({ username: a.username, name: a.name ?? a.username })) : [],
    };
  });
}

/** The current stage as the API shows it, or null when the section is not in review. */
export function stageJson(state: SectionState, departmentId: string | null, f: ReviewFacts): StageJson | null {
  if (!isStaged(state)) return null;
  const def = f.chain[f.stage - 1];
  if (!def) return null;
  const p = stageProgress(f.stage, departmentId, f);
  return {
    index: f.stage, count: f.chain.length, name: def.name, mode: def.mode,
    approvals: p.approvals.map((a) => ({ username: who(f.accounts, a.approverId)?.username ?? "?", at: a.at.toISOString() })),
    pending: p.pending.map((a) => a.username),
  };
}
