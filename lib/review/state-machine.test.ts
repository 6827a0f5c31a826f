import { describe, expect, it } from "vitest";
import { ROLES, SECTION_STATES } from "@/db/schema";
import { availableEvents, REVIEW_EVENTS, transition, TransitionError } from "./state-machine";

const NEXT: Record<string, Record<string, string>> = {
  submit: { draft: "in_review", changes_requested: "in_review" },
  withdraw: { in_review: "draft" },
  approve: { in_review: "approved" },
  request_changes: { in_review: "changes_requested" },
  reopen: { approved: "draft" },
};
const ACTORS: Record<string, (role: string, own: boolean) => boolean> = {
  submit: (r, own) => r === "editor" && own,
  withdraw: (r, own) => r === "editor" && own,
  approve: (r) => r !== "editor",
  request_changes: (r) => r !== "editor",
  reopen: (r) => r === "admin",
};

describe("transition: every role × state × event", () => {
  const rows = ROLES.flatMap((role) =>
    [true, false].flatMap((own) => SECTION_STATES.flatMap((state) => REVIEW_EVENTS.map((event) => ({ role, own, state, event })))),
  );
  it.each(rows)("$role own=$own $state --$event-->", ({ role, own, state, event }) => {
    const actor = { role, inAssignedDepartment: own };
    const run = () => transition(state, event, actor, "意见");
    if (!ACTORS[event](role, own)) {
      expect(run).toThrow(expect.objectContaining({ reason: "not_allowed" }));
    } else if (!NEXT[event][state]) {
      expect(run).toThrow(expect.objectContaining({ reason: "invalid_state" }));
    } else {
      expect(run()).toBe(NEXT[event][state]);
    }
  });
});

describe("comments", () => {
  it("request_changes needs a comment", () => {
    expect(() => transition("in_review", "request_changes", { role: "reviewer", inAssignedDepartment: false }, "  ")).toThrow(
      TransitionError,
    );
  });
  it("reopen needs a reason", () => {
    expect(() => transition("approved", "reopen", { role: "admin", inAssignedDepartment: false })).toThrow(/原因/);
  });
});

describe("availableEvents", () => {
  it("offers an editor submit in draft and withdraw in review", () => {
    const editor = { role: "editor" as const, inAssignedDepartment: true };
    expect(availableEvents("draft", editor)).toEqual(["submit"]);
    expect(availableEvents("in_review", editor)).toEqual(["withdraw"]);
    expect(availableEvents("in_review", { role: "reviewer", inAssignedDepartment: false })).toEqual(["approve", "request_changes"]);
  });
});
