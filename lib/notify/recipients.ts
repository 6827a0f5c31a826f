/**
 * Recipients of a notification event, as DATA: each kind names its audiences (issue 11 "Events →
 * recipients"), and `resolveRecipients` unites them. Adding a kind or changing who hears of it
 * is an edit of `RECIPIENT_RULES`, never of a producer.
 *
 * Audiences (lib/notify/audiences.ts resolves each, inside the cause's transaction, so they see
 * the state the cause just wrote):
 * - `stage_approvers`: who may still approve at the section's current stage (chain rules,
 *   delegations, separation of duties; lib/workflow stageProgress), read after the transition;
 * - `department_editors`: active editors (role editor) of the section's / event's department;
 * - `department_lead`: active 部门负责人 of that department, whatever their role;
 * - `other_side`: for a comment — by an editor of the section's department → the current stage's
 *   approvers and the reviewers/admins who commented on the section; by anyone else → the
 *   department's editors;
 * - `report_involved`: editors of every department with a section in the report, everyone who
 *   acted in the report's review_events, and the admins.
 *
 * `explicit` says what `event.userIds` (accounts named by the producer) do: `add` to the
 * audiences, or `instead` of them when given (a 转交 notifies the delegate alone, not every
 * approver of the stage again). Disabled accounts never receive; `notify` drops the actor.
 */
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { AUDIENCES, type Audience } from "./audiences";
import type { NotificationEvent, NotificationKind } from "./kinds";

export interface RecipientRule {
  audiences: Audience[];
  explicit: "add" | "instead";
}

/** Who hears of each kind. */
export const RECIPIENT_RULES: Record<NotificationKind, RecipientRule> = {
  section_submitted: { audiences: ["stage_approvers"], explicit: "instead" },
  stage_reached: { audiences: ["stage_approvers"], explicit: "instead" },
  section_approved: { audiences: ["department_editors"], explicit: "add" },
  stage_advanced: { audiences: ["department_editors"], explicit: "add" },
  section_returned: { audiences: ["department_editors"], explicit: "add" },
  comment_added: { audiences: ["other_side"], explicit: "add" },
  comment_reply: { audiences: [], explicit: "add" },
  mention: { audiences: [], explicit: "add" },
  due_soon: { audiences: ["department_editors", "department_lead"], explicit: "add" },
  overdue: { audiences: ["department_editors", "department_lead"], explicit: "add" },
  chase: { audiences: ["department_editors", "department_lead"], explicit: "add" },
  report_finalized: { audiences: ["report_involved"], explicit: "add" },
  report_reopened: { audiences: ["report_involved"], explicit: "add" },
};

/**
 * @param tx the cause's transaction (audiences read what it wrote)
 * @returns distinct ids of active accounts, in a stable order (the actor is removed by `notify`)
 */
export async function resolveRecipients(tx: Tx, event: NotificationEvent): Promise<string[]> {
  const rule = RECIPIENT_RULES[event.kind];
  if (!rule) return [];
  const named = [...new Set(event.userIds ?? [])];
  const ids = new Set<string>(named);
  if (!(rule.explicit === "instead" && named.length > 0)) {
    for (const audience of rule.audiences) {
      for (const id of await AUDIENCES[audience](tx, event)) ids.add(id);
    }
  }
  if (ids.size === 0) return [];
  const active = await tx.select({ id: users.id, disabled: users.disabled }).from(users).where(inArray(users.id, [...ids]));
  const ok = new Set(active.filter((u) => !u.disabled).map((u) => u.id));
  return [...ids].filter((id) => ok.has(id));
}
