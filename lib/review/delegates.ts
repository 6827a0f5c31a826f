/**
 * Whom an account may hand its pending approval to (转交): every active account the workflow
 * accepts as the target (the stage rule admits it; an admin may pick anyone who may approve).
 */
import { decide, DELEGATING_EVENT, TransitionError, type ChainAccount, type ReviewFacts, type SectionState } from "@/lib/workflow";

/** Accounts `actorId` may delegate the current stage to, by username. */
export function delegateCandidates(actorId: string, section: { state: SectionState; departmentId: string | null; review: ReviewFacts }): ChainAccount[] {
  const f = section.review;
  const actor = f.accounts.find((a) => a.id === actorId);
  if (!actor) return [];
  return f.accounts.filter((to) => {
    try {
      decide({ state: section.state, event: DELEGATING_EVENT, actor, departmentId: section.departmentId, facts: f, to });
      return true;
    } catch (err) {
      if (err instanceof TransitionError) return false;
      throw err;
    }
  });
}
