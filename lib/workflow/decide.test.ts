import { describe, expect, it } from "vitest";
import { ACCOUNTS, ALL_ACCOUNTS, freshFacts, SECTION_DEPT, STAGES } from "./fixtures";
import { admits, decide, REVIEW_EVENTS, SECTION_STATES, stageProgress, TransitionError, type ChainAccount, type ChainStage, type ReviewEvent, type SectionState } from "./index";

/** Chain shapes: 1–4 stages mixing any/all and every kind of rule. */
const SHAPES: Record<string, ChainStage[]> = {
  default: [STAGES.reviewers],
  two: [STAGES.lead, STAGES.office],
  three: [STAGES.lead, STAGES.office, STAGES.leadersAll],
  four: [STAGES.lead, STAGES.office, STAGES.leadersAny, STAGES.leadersAll],
  allFirst: [STAGES.leadersAll, STAGES.reviewers],
};

/** Written-out oracle: may `a` approve at `stage` (rules and separation of duties, nobody approved yet)? */
function approverAt(a: ChainAccount, stage: ChainStage): boolean {
  if (a.id === ACCOUNTS.submitter.id) return false;
  const r = stage.approvers;
  if (r.departmentLead && a.lead && a.departmentId === SECTION_DEPT) return true;
  if (a.role === "editor" && a.departmentId === SECTION_DEPT) return false;
  if (r.users?.includes(a.username)) return true;
  if (r.department && a.departmentName === r.department && a.role !== "editor") return true;
  if (r.role === "reviewer" && (a.role === "reviewer" || a.role === "admin")) return true;
  return false;
}

function expected(a: ChainAccount, chain: ChainStage[], stage: number, state: SectionState, event: ReviewEvent): string {
  const ownEditor = a.role === "editor" && a.departmentId === SECTION_DEPT;
  const ever = chain.some((s) => approverAt(a, s) || (a.id === ACCOUNTS.submitter.id && approverAt({ ...a, id: "x" }, s)));
  const here = approverAt(a, chain[stage - 1]);
  switch (event) {
    case "submit":
      if (!ownEditor) return "not_allowed";
      return state === "draft" || state === "changes_requested" ? "in_review@1" : "invalid_state";
    case "withdraw":
      if (!ownEditor) return "not_allowed";
      return state === "in_review" ? "draft@1" : "invalid_state";
    case "approve":
    case "request_changes": {
      if (!ever) return "not_allowed";
      if (state !== "in_review") return "invalid_state";
      if (!here) return "not_approver";
      if (event === "request_changes") return "changes_requested@1";
      const def = chain[stage - 1];
      const others = ALL_ACCOUNTS.filter((x) => x.id !== a.id && approverAt(x, def));
      if (def.mode === "all" && others.length > 0) return `in_review@${stage}`;
      return stage === chain.length ? "approved@1" : `in_review@${stage + 1}`;
    }
    case "reopen":
      if (a.role !== "admin") return "not_allowed";
      return state === "approved" ? "draft@1" : "invalid_state";
    case "delegate":
      if (a.role !== "admin" && !ever) return "not_allowed";
      if (state !== "in_review") return "invalid_state";
      return a.role === "admin" || here ? `in_review@${stage}` : "not_approver";
  }
}

describe("decide: chain shapes × stages × accounts × states × events", () => {
  const rows = Object.entries(SHAPES).flatMap(([shape, chain]) =>
    chain.flatMap((_, k) => ALL_ACCOUNTS.flatMap((actor) => SECTION_STATES.flatMap((state) => REVIEW_EVENTS.map((event) => ({ shape, chain, stage: k + 1, actor, state, event }))))),
  );
  it("covers the table", () => expect(rows.length).toBe((1 + 2 + 3 + 4 + 2) * 10 * 4 * 6));
  it.each(rows)("$shape stage $stage: $actor.id $state --$event-->", ({ chain, stage, actor, state, event }) => {
    let got: string;
    try {
      const out = decide({ state, event, actor, departmentId: SECTION_DEPT, facts: freshFacts(chain, { stage }), comment: "意见", checkOnly: event === "delegate" });
      got = `${out.to}@${out.stage}`;
    } catch (err) {
      if (!(err instanceof TransitionError)) throw err;
      got = err.reason;
    }
    expect(got).toBe(expected(actor, chain, stage, state, event));
  });
});

describe("separation of duties", () => {
  const chain = SHAPES.three;
  it("refuses the submitter with a reason, even as the department lead", () => {
    const facts = freshFacts(chain, { submittedBy: ACCOUNTS.lead.id });
    expect(() => decide({ state: "in_review", event: "approve", actor: ACCOUNTS.lead, departmentId: SECTION_DEPT, facts })).toThrow("此版本由您提交，不能审核自己提交的内容");
  });
  it("refuses a second approval by the same person in one round", () => {
    const facts = freshFacts([STAGES.reviewers, STAGES.office], { stage: 2, approvals: [{ stage: 1, approverId: ACCOUNTS.reviewer1.id, onBehalfOfId: null, at: new Date() }] });
    expect(() => decide({ state: "in_review", event: "approve", actor: ACCOUNTS.reviewer1, departmentId: SECTION_DEPT, facts })).toThrow("同一人不能重复审核");
    expect(decide({ state: "in_review", event: "approve", actor: ACCOUNTS.reviewer2, departmentId: SECTION_DEPT, facts }).to).toBe("approved");
  });
  it("lets a department editor approve only as its lead", () => {
    expect(admits(STAGES.reviewers, { ...ACCOUNTS.lead, role: "reviewer" }, SECTION_DEPT).ok).toBe(true);
    const facts = freshFacts([{ name: "x", mode: "any", approvers: { users: ["editor"] } }]);
    expect(() => decide({ state: "in_review", event: "approve", actor: ACCOUNTS.editor, departmentId: SECTION_DEPT, facts })).toThrow("只能以部门负责人身份审核");
  });
  it("refuses withdraw after the first approval", () => {
    const facts = freshFacts(chain, { stage: 2, approvals: [{ stage: 1, approverId: ACCOUNTS.lead.id, onBehalfOfId: null, at: new Date() }] });
    expect(() => decide({ state: "in_review", event: "withdraw", actor: ACCOUNTS.submitter, departmentId: SECTION_DEPT, facts })).toThrow(/不能撤回/);
  });
});

describe("会签, returns and delegation", () => {
  const chain = SHAPES.three;
  const at3 = (over = {}) => freshFacts(chain, { stage: 3, approvals: [
    { stage: 1, approverId: ACCOUNTS.lead.id, onBehalfOfId: null, at: new Date() },
    { stage: 2, approverId: ACCOUNTS.reviewer1.id, onBehalfOfId: null, at: new Date() },
  ], ...over });
  it("an `all` stage waits for every leader, then approves", () => {
    const f = at3();
    expect(stageProgress(3, SECTION_DEPT, f).pending.map((a) => a.id)).toEqual(["leader1", "leader2"]);
    const first = decide({ state: "in_review", event: "approve", actor: ACCOUNTS.leader1, departmentId: SECTION_DEPT, facts: f });
    expect(first).toMatchObject({ to: "in_review", stage: 3, stageChanged: false });
    const f2 = { ...f, approvals: [...f.approvals, { stage: 3, approverId: ACCOUNTS.leader1.id, onBehalfOfId: null, at: new Date() }] };
    expect(decide({ state: "in_review", event: "approve", actor: ACCOUNTS.leader2, departmentId: SECTION_DEPT, facts: f2 })).toMatchObject({ to: "approved", freezes: "approved" });
  });
  it("return to the previous stage voids that stage's approvals", () => {
    const out = decide({ state: "in_review", event: "request_changes", actor: ACCOUNTS.leader1, departmentId: SECTION_DEPT, facts: at3(), comment: "请党办再核", returnToPrevious: true });
    expect(out).toMatchObject({ to: "in_review", stage: 2, voidFromStage: 2, actedAtStage: 3 });
    expect(() => decide({ state: "in_review", event: "request_changes", actor: ACCOUNTS.leader1, departmentId: SECTION_DEPT, facts: at3(), comment: " " })).toThrow("退回修改需要填写意见");
  });
  it("a delegated approval completes the stage in the delegator's place", () => {
    const d = decide({ state: "in_review", event: "delegate", actor: ACCOUNTS.admin, from: ACCOUNTS.leader2, departmentId: SECTION_DEPT, facts: at3(), to: ACCOUNTS.reviewer2 });
    expect(d.delegation).toEqual({ stage: 3, fromId: "leader2", toId: "reviewer2" });
    const f = at3({ delegations: [d.delegation!], approvals: [...at3().approvals, { stage: 3, approverId: "leader1", onBehalfOfId: null, at: new Date() }] });
    expect(() => decide({ state: "in_review", event: "approve", actor: ACCOUNTS.leader2, departmentId: SECTION_DEPT, facts: f })).toThrow("转交给他人");
    expect(decide({ state: "in_review", event: "approve", actor: ACCOUNTS.reviewer2, departmentId: SECTION_DEPT, facts: f })).toMatchObject({ to: "approved", approval: { onBehalfOfId: "leader2" } });
  });
  it("lets an approver hand over to another account the stage admits", () => {
    const f = freshFacts(chain, { stage: 2, approvals: [{ stage: 1, approverId: ACCOUNTS.lead.id, onBehalfOfId: null, at: new Date() }] });
    const d = decide({ state: "in_review", event: "delegate", actor: ACCOUNTS.reviewer1, departmentId: SECTION_DEPT, facts: f, to: ACCOUNTS.reviewer2 });
    expect(d).toMatchObject({ to: "in_review", stage: 2, delegation: { fromId: "reviewer1", toId: "reviewer2" } });
    expect(() => decide({ state: "in_review", event: "delegate", actor: ACCOUNTS.reviewer1, from: ACCOUNTS.admin, departmentId: SECTION_DEPT, facts: f, to: ACCOUNTS.reviewer2 })).toThrow("只能转交您自己的审核");
  });
  it("refuses delegating to someone the rule does not admit, unless an admin picks them", () => {
    expect(() => decide({ state: "in_review", event: "delegate", actor: ACCOUNTS.leader2, departmentId: SECTION_DEPT, facts: at3(), to: ACCOUNTS.otherLead })).toThrow(/只有管理员可以指定/);
    expect(() => decide({ state: "in_review", event: "delegate", actor: ACCOUNTS.leader2, departmentId: SECTION_DEPT, facts: at3(), to: ACCOUNTS.submitter })).toThrow(/不能审核自己提交的内容/);
    const byAdmin = decide({ state: "in_review", event: "delegate", actor: ACCOUNTS.admin, from: ACCOUNTS.leader2, departmentId: SECTION_DEPT, facts: at3(), to: ACCOUNTS.otherLead });
    expect(byAdmin.delegation).toEqual({ stage: 3, fromId: "leader2", toId: "otherLead" });
  });
});
