import { describe, expect, it } from "vitest";
import { ROLES, SECTION_STATES } from "@/db/schema";
import { canAdminister, canReport, canResolveComment, canSection, SECTION_ACTIONS, type Principal } from "./policy";

const DEPT = "d1";
const OTHER = "d2";

/** The expected answer for every role × own/other department × state × action, written out. */
function expected(role: string, own: boolean, state: string, action: string): boolean {
  const editable = state === "draft" || state === "changes_requested";
  const ownEditor = role === "editor" && own;
  const reviewerish = role === "reviewer" || role === "admin";
  switch (action) {
    case "read":
    case "comment":
      return reviewerish || ownEditor;
    case "edit":
      return ownEditor && editable;
    case "restore":
      return (ownEditor || role === "admin") && editable;
    case "submit":
      return ownEditor && editable;
    case "withdraw":
      return ownEditor && state === "in_review";
    case "approve":
    case "request_changes":
    case "delegate":
      return reviewerish && state === "in_review";
    case "reopen":
      return role === "admin" && state === "approved";
  }
  throw new Error(action);
}

describe("section policy: every role × department × state × action", () => {
  const rows = ROLES.flatMap((role) =>
    [true, false].flatMap((own) =>
      SECTION_STATES.flatMap((state) => SECTION_ACTIONS.map((action) => ({ role, own, state, action }))),
    ),
  );
  it("covers the whole table", () => expect(rows.length).toBe(3 * 2 * 4 * 10));
  it.each(rows)("$role own=$own $state $action", ({ role, own, state, action }) => {
    const user: Principal = { id: "u", role, departmentId: DEPT };
    const section = { departmentId: own ? DEPT : OTHER, state };
    expect(canSection(user, action, section)).toBe(expected(role, own, state, action));
  });
  it("a disabled account may do nothing", () => {
    const user: Principal = { id: "u", role: "admin", departmentId: DEPT, disabled: true };
    for (const action of SECTION_ACTIONS) expect(canSection(user, action, { departmentId: DEPT, state: "draft" })).toBe(false);
  });
  it("an unassigned section is editable by nobody", () => {
    const user: Principal = { id: "u", role: "editor", departmentId: DEPT };
    expect(canSection(user, "edit", { departmentId: null, state: "draft" })).toBe(false);
  });
});

describe("各部门可查看全文草稿 (drafts visible to all)", () => {
  const editor: Principal = { id: "u", role: "editor", departmentId: DEPT };
  it.each(SECTION_STATES)("lets an editor read another department's %s section, never edit, restore or comment on it", (state) => {
    const other = { departmentId: OTHER, state };
    expect(canSection(editor, "read", other)).toBe(false);
    const shared = { ...other, draftsVisibleToAll: true };
    expect(canSection(editor, "read", shared)).toBe(true);
    for (const action of ["edit", "restore", "comment", "submit", "approve"] as const) expect(canSection(editor, action, shared), action).toBe(false);
  });
  it("lets editors preview the whole report only with the setting on", () => {
    expect(canReport(editor, "preview", { status: "collecting" })).toBe(false);
    expect(canReport(editor, "preview", { status: "collecting", draftsVisibleToAll: true })).toBe(true);
    expect(canReport(editor, "export", { status: "collecting", draftsVisibleToAll: true })).toBe(false);
    expect(canReport({ ...editor, disabled: true }, "preview", { status: "collecting", draftsVisibleToAll: true })).toBe(false);
  });
});

describe("report policy", () => {
  it.each([
    ["editor", { read: true, preview: false, administer: false, finalize: false, export: false }],
    ["reviewer", { read: true, preview: true, administer: false, finalize: false, export: false }],
    ["admin", { read: true, preview: true, administer: true, finalize: true, export: true }],
  ] as const)("%s", (role, table) => {
    const user: Principal = { id: "u", role, departmentId: DEPT };
    for (const [action, allowed] of Object.entries(table)) {
      expect(canReport(user, action as keyof typeof table), action).toBe(allowed);
    }
    expect(canAdminister(user)).toBe(role === "admin");
  });
});

describe("canResolveComment: who may resolve or reopen a comment thread", () => {
  const u = (id: string, role: Principal["role"], departmentId: string, disabled = false): Principal => ({ id, role, departmentId, disabled });
  const section = { departmentId: DEPT, state: "in_review" as const };
  it.each([
    ["the thread's author (a reviewer)", u("a", "reviewer", OTHER), "a", true],
    ["an editor of the section's department, in any state", u("e", "editor", DEPT), "a", true],
    ["another reviewer", u("r", "reviewer", OTHER), "a", true],
    ["an admin", u("ad", "admin", OTHER), "a", true],
    ["an editor of another department", u("x", "editor", OTHER), "a", false],
    ["an author who since moved to another department", u("a2", "editor", OTHER), "a2", false],
    ["a disabled account", u("d", "admin", OTHER, true), "a", false],
  ])("%s → %s", (_label, user, authorId, ok) => {
    expect(canResolveComment(user, section, authorId)).toBe(ok);
  });
});
