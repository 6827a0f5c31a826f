/**
 * The one policy of Hegao: who may read, edit, submit, review and administer what. Pages,
 * server actions, route handlers, the CLI and the collaboration server all ask it (Outline's
 * `can(user, action, doc)`). Pure: facts in, boolean out.
 */
import type { Role, SectionState } from "@/db/schema";
import { actorMatches, EDITABLE_STATES, REVIEW_EVENTS, TRANSITIONS, type ReviewEvent } from "@/lib/review/state-machine";
import { forbidden } from "@/lib/errors";

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
}

/** What the policy needs to know of a report. */
export interface ReportFacts {
  status: "collecting" | "finalized";
}

export const SECTION_ACTIONS = ["read", "edit", "comment", ...REVIEW_EVENTS] as const;
export type SectionAction = (typeof SECTION_ACTIONS)[number];

export const REPORT_ACTIONS = ["read", "preview", "administer", "finalize", "export"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

const isEvent = (a: SectionAction): a is ReviewEvent => (REVIEW_EVENTS as readonly string[]).includes(a);

function inDepartment(user: Principal, section: SectionFacts): boolean {
  return section.departmentId !== null && section.departmentId === user.departmentId;
}

/**
 * May `user` do `action` to `section`?
 * - read: reviewers and admins every section; editors their department's sections.
 * - edit (the text): editors of the assigned department, only in draft / changes_requested.
 * - comment: whoever may read.
 * - review events: per the state machine's table (actor and source state).
 */
export function canSection(user: Principal, action: SectionAction, section: SectionFacts): boolean {
  if (user.disabled) return false;
  const own = inDepartment(user, section);
  if (action === "read" || action === "comment") return user.role !== "editor" || own;
  if (action === "edit") return user.role === "editor" && own && EDITABLE_STATES.includes(section.state);
  if (isEvent(action)) {
    const rule = TRANSITIONS[action];
    return rule.from.includes(section.state) && actorMatches(rule.actor, { role: user.role, inAssignedDepartment: own });
  }
  return false;
}

/**
 * May `user` do `action` to a report?
 * - read (dashboard, outline, states): every account.
 * - preview (the assembled text of all sections): reviewers and admins.
 * - administer (outline, assignment, deadlines), finalize, export: admins.
 */
export function canReport(user: Principal, action: ReportAction, _report?: ReportFacts): boolean {
  if (user.disabled) return false;
  switch (action) {
    case "read":
      return true;
    case "preview":
      return user.role !== "editor";
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
