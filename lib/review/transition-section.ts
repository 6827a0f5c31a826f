/**
 * The one command behind every review transition (submit, withdraw, approve, request_changes,
 * reopen), used alike by server actions, the JSON API and tests.
 *
 * One database transaction with optimistic concurrency on `sections.version`:
 * `UPDATE sections SET state=…, version=version+1 WHERE id=$1 AND version=$2 RETURNING`;
 * no row → conflict, so of two racing transitions exactly one wins. `submit` freezes the text
 * (after the collaboration server flushed the room), `approve` freezes a copy of the submitted
 * version the reviewer saw. Each writes an audit row; after commit, open editors are told the
 * new state (lib/collab/bus.ts).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { reviewEvents, sections, type Section, type SectionState, type SectionVersion } from "@/db/schema";
import { holdSection, publishSectionState } from "@/lib/collab/bus";
import { conflict, forbidden, notFound, refused } from "@/lib/errors";
import { countPlaceholders } from "@/lib/placeholders/find";
import { canSection, type Principal } from "@/lib/policy";
import { assertSectionReportOpen } from "@/lib/assembly/report-open";
import { placeholderRefusal } from "./placeholder-check";
import { loadSectionContent } from "./section-doc";
import { transition, type ReviewEvent } from "./state-machine";
import { transitionToAppError } from "./transition-errors";
import { insertVersion, latestVersion, versionContent } from "./versions";

export interface TransitionInput {
  sectionId: string;
  event: ReviewEvent;
  /** The `sections.version` the actor saw (optimistic concurrency token). */
  version: number;
  actor: Principal;
  /** Required for request_changes (意见) and reopen (原因). */
  comment?: string | null;
}

export interface TransitionResult {
  sectionId: string;
  from: SectionState;
  state: SectionState;
  /** The new `sections.version`. */
  version: number;
  /** The version snapshot the audit row points at (frozen now, or the one acted upon). */
  versionId: string | null;
  eventId: string;
}

/**
 * Fires `event` on a section.
 * @throws AppError not_found (no such section); forbidden (policy: wrong role or department);
 *   conflict (stale `version`, or lost a race); refused (event not possible in this state,
 *   placeholders left on submit, nothing submitted to approve); validation on `comment`.
 */
export async function transitionSection(db: Db, input: TransitionInput): Promise<TransitionResult> {
  const comment = input.comment?.trim() || null;
  // The room's unsaved keystrokes must be in section_updates before the text is frozen, and
  // keystrokes arriving while it is frozen wait until the new state is out: then they are
  // refused (in_review) or applied (the submit failed), never acknowledged but left out.
  const release = input.event === "submit" ? await holdSection(input.sectionId) : () => {};
  try {
    const result = await db.transaction((tx) => run(tx, input, comment));
    publishSectionState({ sectionId: result.sectionId, state: result.state });
    return result;
  } finally {
    release();
  }
}

async function run(tx: Tx, input: TransitionInput, comment: string | null): Promise<TransitionResult> {
  const { actor, event, sectionId } = input;
  const [section] = await tx.select().from(sections).where(eq(sections.id, sectionId));
  if (!section) throw notFound("章节");
  if (!canSection(actor, "read", section)) throw forbidden("该章节分配给其他部门，您不能操作");
  await assertSectionReportOpen(tx, sectionId);
  const stale = section.version !== input.version;
  let to: SectionState;
  try {
    to = transition(section.state, event, { role: actor.role, inAssignedDepartment: actor.departmentId === section.departmentId }, comment ?? undefined);
  } catch (err) {
    throw transitionToAppError(err, stale);
  }
  if (stale) throw conflict();
  const prepared = await prepare(tx, section, event);

  const [updated] = await tx
    .update(sections)
    .set({
      state: to,
      version: sql`${sections.version} + 1`,
      lastActivityAt: new Date(),
      ...(prepared.placeholderCount !== undefined ? { placeholderCount: prepared.placeholderCount } : {}),
    })
    .where(and(eq(sections.id, sectionId), eq(sections.version, input.version)))
    .returning({ version: sections.version, state: sections.state });
  if (!updated) throw conflict();

  const versionId = await freeze(tx, event, prepared, actor.id);
  if (event === "approve" || event === "request_changes") {
    await tx.update(sections).set({ lastReviewedVersionId: versionId }).where(eq(sections.id, sectionId));
  }
  const [audit] = await tx
    .insert(reviewEvents)
    .values({ sectionId, actorId: actor.id, event, fromState: section.state, toState: to, comment, versionId })
    .returning({ id: reviewEvents.id });
  return { sectionId, from: section.state, state: updated.state, version: updated.version, versionId, eventId: audit.id };
}

interface Prepared {
  sectionId: string;
  /** submit: the content to freeze. */
  content?: Awaited<ReturnType<typeof loadSectionContent>>;
  /** The version acted upon: latest submitted (approve, request_changes, withdraw) or approved (reopen). */
  basis: SectionVersion | null;
  placeholderCount?: number;
}

/** Reads and checks what the event needs before the section row is claimed. */
async function prepare(tx: Tx, section: Section, event: ReviewEvent): Promise<Prepared> {
  if (event === "submit") {
    const content = await loadSectionContent(tx, section.id);
    const refusal = placeholderRefusal(content.text, section.intendedPlaceholders);
    if (refusal) throw refused(refusal);
    return { sectionId: section.id, content, basis: null, placeholderCount: countPlaceholders(content.text, section.intendedPlaceholders) };
  }
  const basis = await latestVersion(tx, section.id, event === "reopen" ? "approved" : "submitted");
  if (!basis && (event === "approve" || event === "request_changes")) throw refused("该章节没有提交的版本，无法审核");
  return { sectionId: section.id, basis };
}

/** Inserts the version the event freezes, returns the version id for the audit row. */
async function freeze(tx: Tx, event: ReviewEvent, p: Prepared, actorId: string): Promise<string | null> {
  if (event === "submit" && p.content) {
    return (await insertVersion(tx, { sectionId: p.sectionId, kind: "submitted", content: p.content, createdBy: actorId })).id;
  }
  if (event === "approve" && p.basis) {
    // A copy of exactly what the reviewer saw, never the live document.
    return (await insertVersion(tx, { sectionId: p.sectionId, kind: "approved", content: versionContent(p.basis), createdBy: actorId })).id;
  }
  return p.basis?.id ?? null;
}
