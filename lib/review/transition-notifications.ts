/**
 * The notifications of a review transition, written by `transitionSection` inside its
 * transaction after the section row, approvals and audit row (so the recipient rules read the
 * new stage). Which events fire is read from the workflow's metadata, never from event names:
 *
 * - a step that freezes a submission (submit) → section_submitted + stage_reached (stage 1);
 * - an approval that completes the last stage → section_approved (the editors);
 * - an approval that completes an earlier stage → stage_advanced (the editors) + stage_reached
 *   (the next stage's approvers); an approval of an unfinished 会签 stage notifies nobody;
 * - a return (its comment is a return reason) → section_returned (the editors) with the comment,
 *   or, back to the previous stage, stage_reached to that stage's approvers;
 * - a delegation → stage_reached to the delegate alone.
 * Titles: `《（一）党建工作》被退回修改` (the computed number, then the title).
 */
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sections, type Section } from "@/db/schema";
import { notify } from "@/lib/notify/notify";
import type { NotificationEvent } from "@/lib/notify/kinds";
import { computeNumbers } from "@/lib/outline/numbering";
import { EVENT_META, freezesSubmission, isDone, stepFor, type Chain, type Outcome, type ReviewEvent } from "@/lib/workflow";

export interface TransitionFacts {
  /** The section as it was before the transition. */
  section: Section;
  event: ReviewEvent;
  out: Outcome;
  chain: Chain;
  actorId: string;
  comment: string | null;
  /** delegate: the account taking over. */
  delegateId?: string | null;
}

/** Writes the transition's notifications; returns how many rows were written. */
export async function notifyTransition(tx: Tx, f: TransitionFacts): Promise<number> {
  const name = await headingOf(tx, f.section);
  const stageName = (k: number) => f.chain[k - 1]?.name ?? "";
  const base = { reportId: f.section.reportId, sectionId: f.section.id, actorId: f.actorId };
  const events: Omit<NotificationEvent, "reportId">[] = [];
  const reached = (title: string, body?: string | null, userIds?: string[]) =>
    events.push({ ...base, kind: "stage_reached", title, body: body ?? undefined, userIds });
  const step = stepFor(f.section.state, f.event);

  if (freezesSubmission(f.event)) {
    events.push({ ...base, kind: "section_submitted", title: `《${name}》已提交审核` });
    reached(`《${name}》待您审核（${stageName(f.out.stage)}）`);
  } else if (step?.approves) {
    if (isDone(f.out.to)) {
      events.push({ ...base, kind: "section_approved", title: `《${name}》已审核通过` });
    } else if (f.out.stageChanged) {
      const from = stageName(f.section.stage);
      const to = stageName(f.out.stage);
      events.push({ ...base, kind: "stage_advanced", title: `《${name}》已通过「${from}」，进入「${to}」` });
      reached(`《${name}》待您审核（${to}）`);
    }
  } else if (EVENT_META[f.event].returnReason) {
    if (f.out.to === f.section.state) {
      reached(`《${name}》被退回「${stageName(f.out.stage)}」，待您重新审核`, f.comment);
    } else {
      events.push({ ...base, kind: "section_returned", title: `《${name}》被退回修改`, body: f.comment ?? undefined });
    }
  } else if (step?.delegates && f.delegateId) {
    reached(`《${name}》转交给您审核（${stageName(f.out.stage)}）`, f.comment, [f.delegateId]);
  }

  let written = 0;
  for (const e of events) written += (await notify(tx, { ...e, reportId: f.section.reportId } as NotificationEvent)).length;
  return written;
}

/** The section's heading as readers see it: computed number + title, e.g. `（一）党建工作`. */
async function headingOf(tx: Tx, section: Section): Promise<string> {
  const outline = await tx
    .select({ id: sections.id, parentId: sections.parentId, level: sections.level, position: sections.position })
    .from(sections)
    .where(eq(sections.reportId, section.reportId));
  return `${computeNumbers(outline).get(section.id) ?? ""}${section.title}`;
}
