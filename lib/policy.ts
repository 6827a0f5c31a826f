/**
 * The one policy of Hegao: who may read, edit, submit, review and administer what. Pages,
 * server actions, route handlers, the CLI and the collaboration server all ask it (Outline's
 * `can(user, action, doc)`). Pure: facts in, boolean out.
 */
import type { Role } from "@/db/schema";
import { forbidden } from "@/lib/errors";
import {
  decide, DEFAULT_CHAIN, isReportOpen, REVIEW_EVENTS, STATE_META, TransitionError,
  type ChainAccount, type ReportStatus, type ReviewEvent, type ReviewFacts, type SectionState,
} from "@/lib/workflow";

/** The signed-in account as the policy sees it. */
export interface Principal {
  id: string;
  role: Role;
  departmentId: string;
  disabled?: boolean;
}

/** What the policy needs to know of a section. */
export interface SectionFacts {
  departmentId: string | null;
  state: SectionState;
  /** The current review round (lib/review/review-facts.ts); without it: the default chain, no approvals yet. */
  review?: ReviewFacts;
  /** The report's setting 各部门可查看全文草稿: every editor may read (never write or comment). */
  draftsVisibleToAll?: boolean;
}

/** What the policy needs to know of a report. */
export interface ReportFacts {
  status: ReportStatus;
  /** 各部门可查看全文草稿: editors may preview the assembled document too. */
  draftsVisibleToAll?: boolean;
}

export const SECTION_ACTIONS = ["read", "edit", "comment", "restore", ...REVIEW_EVENTS] as const;
export type SectionAction = (typeof SECTION_ACTIONS)[number];

export const REPORT_ACTIONS = ["read", "preview", "administer", "finalize", "export"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

const isEvent = (a: SectionAction): a is ReviewEvent => (REVIEW_EVENTS as readonly string[]).includes(a);

function inDepartment(user: Principal, section: SectionFacts): boolean {
  return section.departmentId !== null && section.departmentId === user.departmentId;
}

const defaultFacts = (): ReviewFacts => ({ chain: DEFAULT_CHAIN, stage: 1, approvals: [], delegations: [], submittedBy: null, accounts: [] });

/** The principal as the chain sees it: its full account from the facts when known. */
function asAccount(user: Principal, facts: ReviewFacts): ChainAccount {
  return facts.accounts.find((a) => a.id === user.id) ?? { id: user.id, username: "", role: user.role, departmentId: user.departmentId, lead: false };
}

/**
 * Why `user` may not fire `event` on `section` (Chinese), or null when they may. Asks the
 * workflow's own `decide` (table, stage, separation of duties), so buttons and commands agree.
 */
export function eventRefusal(user: Principal, event: ReviewEvent, section: SectionFacts): string | null {
  if (user.disabled) return "账号已停用";
  if (!canSection(user, "read", section)) return "该章节分配给其他部门，您不能操作";
  const facts = section.review ?? defaultFacts();
  try {
    decide({ state: section.state, event, actor: asAccount(user, facts), departmentId: section.departmentId, facts, checkOnly: true });
    return null;
  } catch (err) {
    if (err instanceof TransitionError) return err.message;
    throw err;
  }
}

/**
 * May `user` do `action` to `section`?
 * - read: reviewers and admins every section; editors their department's sections (and a
 *   department lead is an editor of its department); every editor when the report's setting
 *   各部门可查看全文草稿 is on (read-only: no edit, no comment).
 * - edit (the text): editors of the assigned department, only in an editable state.
 * - comment: whoever may read, except editors reading only through 各部门可查看全文草稿.
 * - restore (an earlier version into the text, an edit like any other): admins and the editors
 *   of the assigned department, only in an editable state (issue 16).
 * - review events: per the workflow (lib/workflow): table, chain stage, separation of duties.
 */
export function canSection(user: Principal, action: SectionAction, section: SectionFacts): boolean {
  if (user.disabled) return false;
  const own = inDepartment(user, section);
  const reader = user.role !== "editor" || own || isReviewerOf(user, section);
  if (action === "comment") return reader;
  if (action === "read") return reader || (user.role === "editor" && !!section.draftsVisibleToAll);
  if (action === "edit") return user.role === "editor" && own && STATE_META[section.state].editable;
  if (action === "restore") return (user.role === "admin" || (user.role === "editor" && own)) && STATE_META[section.state].editable;
  if (isEvent(action)) return eventRefusal(user, action, section) === null;
  return false;
}

/**
 * May `user` resolve or reopen a comment thread started by `authorId` on `section`? Its author,
 * the section's editors (its department's accounts), the section's reviewers and approvers and
 * the admins: everyone who may read the section takes part in its threads, and may close them.
 * A finalized report's threads stay as they are (the caller checks the report's status).
 */
export function canResolveComment(user: Principal, section: SectionFacts, authorId: string): boolean {
  if (user.disabled) return false;
  return user.id === authorId ? canSection(user, "read", section) : user.role !== "editor" || inDepartment(user, section) || isReviewerOf(user, section);
}

/** An editor named as an approver (e.g. by `users`) of a section in review may read it. */
function isReviewerOf(user: Principal, section: SectionFacts): boolean {
  const f = section.review;
  if (!f || !STATE_META[section.state].staged) return false;
  return f.delegations.some((d) => d.toId === user.id) || f.chain.some((stage) => !!stage.approvers.users?.length && f.accounts.some((a) => a.id === user.id && stage.approvers.users!.includes(a.username)));
}

/**
 * The review events `user` may fire now: drives every button. Nothing while the report is
 * finalized (its lifecycle closes the sections).
 */
export function availableEvents(user: Principal, section: SectionFacts, report: ReportFacts): ReviewEvent[] {
  if (!isReportOpen(report.status)) return [];
  return REVIEW_EVENTS.filter((e) => canSection(user, e, section));
}

/**
 * May `user` do `action` to a report?
 * - read (dashboard, outline, states): every account.
 * - preview (the assembled text of all sections): reviewers and admins; editors too when the
 *   report's setting 各部门可查看全文草稿 is on.
 * - administer (outline, assignment, deadlines), finalize, export: admins.
 */
export function canReport(user: Principal, action: ReportAction, report?: ReportFacts): boolean {
  if (user.disabled) return false;
  switch (action) {
    case "read":
      return true;
    case "preview":
      return user.role !== "editor" || !!report?.draftsVisibleToAll;
    case "administer":
    case "finalize":
    case "export":
      return user.role === "admin";
  }
}

/** May `user` manage departments and accounts? Admins only. */
export function canAdminister(user: Principal): boolean {
  return !user.disabled && user.role === "admin";
}

/** @throws AppError forbidden when the section action is not allowed. */
export function assertSection(user: Principal, action: SectionAction, section: SectionFacts, message?: string): void {
  if (!canSection(user, action, section)) throw forbidden(message);
}

/** @throws AppError forbidden when the report action is not allowed. */
export function assertReport(user: Principal, action: ReportAction, report?: ReportFacts, message?: string): void {
  if (!canReport(user, action, report)) throw forbidden(message);
}

/** @throws AppError forbidden when the user is not an admin. */
export function assertAdmin(user: Principal): void {
  if (!canAdminister(user)) throw forbidden("只有管理员可以执行此操作");
}
