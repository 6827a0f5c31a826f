/**
 * Property test of the workflow: random event sequences from random actors (fast-check),
 * applied the way the transition command applies them. Whatever happens: no section reaches
 * `approved` without every stage complete, and no approval survives a change of the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_ACCOUNTS, SECTION_DEPT, STAGES } from "./fixtures";
import { decide, REVIEW_EVENTS, STATE_META, stageProgress, TransitionError, type ApprovalFact, type ChainStage, type DelegationFact, type ReviewEvent, type SectionState } from "./index";

interface Model {
  state: SectionState;
  stage: number;
  approvals: (ApprovalFact & { textVersion: number })[];
  delegations: DelegationFact[];
  submittedBy: string | null;
  /** Bumped by every edit of the live text; `frozen` is the one submitted. */
  text: number;
  frozen: number;
}

type Step = { kind: "edit"; actor: number } | { kind: "event"; event: ReviewEvent; actor: number; target: number; back: boolean };

const stageArb = fc.constantFrom<ChainStage>(STAGES.lead, STAGES.office, STAGES.leadersAll, STAGES.leadersAny, STAGES.reviewers);
/** Every event, approve and submit more often so that sequences get far into the chain. */
const eventArb: fc.Arbitrary<ReviewEvent> = fc.oneof(
  { arbitrary: fc.constantFrom(...REVIEW_EVENTS), weight: 3 },
  { arbitrary: fc.constant<ReviewEvent>("approve"), weight: 6 },
  { arbitrary: fc.constant<ReviewEvent>("submit"), weight: 2 },
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), actor: fc.nat(ALL_ACCOUNTS.length - 1) }),
  fc.record({
    kind: fc.constant("event" as const), event: eventArb, actor: fc.nat(ALL_ACCOUNTS.length - 1),
    target: fc.nat(ALL_ACCOUNTS.length - 1), back: fc.boolean(),
  }),
);

function apply(chain: ChainStage[], m: Model, step: Step): void {
  const actor = ALL_ACCOUNTS[step.actor];
  if (step.kind === "edit") {
    // The collaboration server accepts writes only in editable states, from the department's editors.
    if (STATE_META[m.state].editable && actor.role === "editor" && actor.departmentId === SECTION_DEPT) m.text += 1;
    return;
  }
  const facts = { chain, stage: m.stage, approvals: m.approvals, delegations: m.delegations, submittedBy: m.submittedBy, accounts: ALL_ACCOUNTS };
  let out;
  try {
    out = decide({ state: m.state, event: step.event, actor, departmentId: SECTION_DEPT, facts, comment: "意见", returnToPrevious: step.back, to: ALL_ACCOUNTS[step.target] });
  } catch (err) {
    if (err instanceof TransitionError) return;
    throw err;
  }
  if (out.startsRound) {
    m.approvals = [];
    m.delegations = [];
    m.submittedBy = actor.id;
    m.frozen = m.text;
  }
  if (out.voidFromStage !== undefined) m.approvals = m.approvals.filter((a) => a.stage < out.voidFromStage!);
  if (out.approval) m.approvals.push({ ...out.approval, approverId: actor.id, at: new Date(), textVersion: m.frozen });
  if (out.delegation) m.delegations.push(out.delegation);
  if (out.to === "approved") {
    for (let k = 1; k <= chain.length; k++) {
      expect(stageProgress(k, SECTION_DEPT, { ...facts, approvals: m.approvals, delegations: m.delegations }).complete, `stage ${k} complete`).toBe(true);
    }
  }
  m.state = out.to;
  m.stage = out.stage;
}

describe("workflow property: random sequences from random actors", () => {
  it("never approves without every stage complete, and no approval survives a text change", () => {
    fc.assert(
      fc.property(fc.array(stageArb, { minLength: 1, maxLength: 4 }), fc.array(stepArb, { minLength: 10, maxLength: 120, size: "max" }), (chain, steps) => {
        const m: Model = { state: "draft", stage: 1, approvals: [], delegations: [], submittedBy: null, text: 0, frozen: 0 };
        for (const step of steps) {
          apply(chain, m, step);
          // Approvals are of the frozen text, and the text cannot change while they stand.
          for (const a of m.approvals) expect(a.textVersion).toBe(m.text);
          if (m.approvals.length) expect(STATE_META[m.state].editable).toBe(false);
          // Nobody approves twice in one round, and never their own submission.
          const ids = m.approvals.map((a) => a.approverId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).not.toContain(m.submittedBy);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("reaches approved on some sequences (the property is not vacuous)", () => {
    let approved = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 40, maxLength: 200, size: "max" }), (steps) => {
        const m: Model = { state: "draft", stage: 1, approvals: [], delegations: [], submittedBy: null, text: 0, frozen: 0 };
        for (const s of steps) apply([STAGES.lead, STAGES.office], m, s);
        if (m.state === "approved") approved += 1;
      }),
      { numRuns: 2000 },
    );
    expect(approved).toBeGreaterThan(0);
  });
});
