/**
 * Test fixtures of the workflow: a small organisation (the section's department 办公室 with two
 * editors and a lead, 党委办公室 with two reviewers and the admin, two leaders) and chain
 * stages to build chains of 1–4 stages from. Test-only.
 */
import type { ChainAccount, ChainStage, ReviewFacts } from "./index";

export const SECTION_DEPT = "d-sec";
const acc = (id: string, role: ChainAccount["role"], departmentId: string, departmentName: string, lead = false): ChainAccount =>
  ({ id, username: id, role, departmentId, departmentName, lead });

export const ACCOUNTS = {
  editor: acc("editor", "editor", SECTION_DEPT, "办公室"),
  submitter: acc("submitter", "editor", SECTION_DEPT, "办公室"),
  lead: acc("lead", "editor", SECTION_DEPT, "办公室", true),
  otherLead: acc("otherLead", "editor", "d-other", "工会", true),
  otherEditor: acc("otherEditor", "editor", "d-other", "工会"),
  reviewer1: acc("reviewer1", "reviewer", "d-dw", "党委办公室"),
  reviewer2: acc("reviewer2", "reviewer", "d-dw", "党委办公室"),
  admin: acc("admin", "admin", "d-dw", "党委办公室"),
  leader1: acc("leader1", "reviewer", "d-ld", "公司领导"),
  leader2: acc("leader2", "reviewer", "d-ld", "公司领导"),
} satisfies Record<string, ChainAccount>;
export const ALL_ACCOUNTS: ChainAccount[] = Object.values(ACCOUNTS);

export const STAGES = {
  lead: { name: "部门负责人审核", mode: "any", approvers: { departmentLead: true } },
  office: { name: "党办审核", mode: "any", approvers: { department: "党委办公室" } },
  leadersAll: { name: "分管领导签批", mode: "all", approvers: { users: ["leader1", "leader2"] } },
  leadersAny: { name: "领导或签", mode: "any", approvers: { users: ["leader1", "leader2"] } },
  reviewers: { name: "审核", mode: "any", approvers: { role: "reviewer" } },
} satisfies Record<string, ChainStage>;

/** Facts of a fresh round at stage 1 submitted by `submitter`. */
export function freshFacts(chain: ChainStage[], over: Partial<ReviewFacts> = {}): ReviewFacts {
  return { chain, stage: 1, approvals: [], delegations: [], submittedBy: ACCOUNTS.submitter.id, accounts: ALL_ACCOUNTS, ...over };
}
