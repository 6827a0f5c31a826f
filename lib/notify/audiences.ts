/**
 * The audiences the recipient table (./recipients.ts) names, each a query run in the cause's
 * transaction. They return account ids, disabled ones included (the table filters them once).
 */
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { comments, reviewEvents, sections, users } from "@/db/schema";
import { getSection } from "@/lib/review/get-section";
import { isStaged, stageProgress } from "@/lib/workflow";
import type { NotificationEvent } from "./kinds";

export const AUDIENCE_NAMES = ["stage_approvers", "department_editors", "department_lead", "other_side", "report_involved"] as const;
export type Audience = (typeof AUDIENCE_NAMES)[number];

type Resolve = (tx: Tx, event: NotificationEvent) => Promise<string[]>;

/** The section's department, unless the event names one (催报, reminders). */
async function departmentOf(tx: Tx, event: NotificationEvent): Promise<string | null> {
  if (event.departmentId) return event.departmentId;
  if (!event.sectionId) return null;
  const [s] = await tx.select({ departmentId: sections.departmentId }).from(sections).where(eq(sections.id, event.sectionId));
  return s?.departmentId ?? null;
}

/** Pending approvers of the section's current stage (none unless it is in review). */
async function stageApprovers(tx: Tx, event: NotificationEvent): Promise<string[]> {
  if (!event.sectionId) return [];
  const { section, review } = await getSection(tx, event.sectionId);
  if (!isStaged(section.state)) return [];
  return stageProgress(section.stage, section.departmentId, review).pending.map((a) => a.id);
}

async function editorsOf(tx: Tx, departmentIds: string[]): Promise<string[]> {
  if (!departmentIds.length) return [];
  const rows = await tx.select({ id: users.id }).from(users).where(and(inArray(users.departmentId, departmentIds), eq(users.role, "editor")));
  return rows.map((r) => r.id);
}

async function departmentEditors(tx: Tx, event: NotificationEvent): Promise<string[]> {
  const dept = await departmentOf(tx, event);
  return dept ? editorsOf(tx, [dept]) : [];
}

async function departmentLead(tx: Tx, event: NotificationEvent): Promise<string[]> {
  const dept = await departmentOf(tx, event);
  if (!dept) return [];
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, dept), eq(users.isDepartmentLead, true)));
  return rows.map((r) => r.id);
}

/**
 * A comment goes to the other side: from the section's own editors to those reviewing it (the
 * current stage's approvers and the reviewers/admins who commented on it), from anyone else to
 * the section's editors.
 */
async function otherSide(tx: Tx, event: NotificationEvent): Promise<string[]> {
  if (!event.sectionId) return [];
  const [section] = await tx.select({ departmentId: sections.departmentId }).from(sections).where(eq(sections.id, event.sectionId));
  if (!section) return [];
  const [actor] = event.actorId ? await tx.select().from(users).where(eq(users.id, event.actorId)) : [];
  const fromEditors = !!actor && actor.role === "editor" && actor.departmentId === section.departmentId;
  if (!fromEditors) return section.departmentId ? editorsOf(tx, [section.departmentId]) : [];
  const commenters = await tx
    .selectDistinct({ id: users.id })
    .from(comments)
    .innerJoin(users, eq(comments.authorId, users.id))
    .where(and(eq(comments.sectionId, event.sectionId), or(eq(users.role, "reviewer"), eq(users.role, "admin"))));
  return [...(await stageApprovers(tx, event)), ...commenters.map((c) => c.id)];
}

/** Editors of every department with a section in the report, everyone who acted in its review, the admins. */
async function reportInvolved(tx: Tx, event: NotificationEvent): Promise<string[]> {
  const depts = await tx
    .selectDistinct({ id: sections.departmentId })
    .from(sections)
    .where(and(eq(sections.reportId, event.reportId), isNotNull(sections.departmentId)));
  const actors = await tx
    .selectDistinct({ id: reviewEvents.actorId })
    .from(reviewEvents)
    .innerJoin(sections, eq(reviewEvents.sectionId, sections.id))
    .where(eq(sections.reportId, event.reportId));
  const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
  return [...(await editorsOf(tx, depts.map((d) => d.id!))), ...actors.map((a) => a.id), ...admins.map((a) => a.id)];
}

/** Each audience's query. */
export const AUDIENCES: Record<Audience, Resolve> = {
  stage_approvers: stageApprovers,
  department_editors: departmentEditors,
  department_lead: departmentLead,
  other_side: otherSide,
  report_involved: reportInvolved,
};
