/**
 * The one command behind every review transition (submit, withdraw, approve, request_changes,
 * reopen, delegate), used alike by server actions, the JSON API and tests. It authorises
 * itself: the actor is re-read from the database and the workflow (lib/workflow) decides.
 *
 * One database transaction: the section row is locked (`SELECT … FOR UPDATE`), the decision is
 * made on fresh facts, and the row is updated with the version check
 * (`UPDATE … WHERE id=$1 AND version=$2`), so of racing transitions exactly one moves the
 * section. An `approve` stays valid from any version since the current stage began
 * (`stage_since_version`): two approvers of a 会签 stage both count, while 100 approvals of a
 * 或签 stage record one (the others find the stage moved on: conflict). A unique index on
 * (section, round, stage, approver) backs "nobody approves twice". Each transition writes an
 * audit row with its stage and, in the same transaction, its notifications
 * (./transition-notifications.ts); after commit, open editors are told the new state
 * (lib/collab/bus.ts) and the recipients' bells the new count (lib/notify/commit.ts).
 */
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { reviewEvents, sectionApprovals, sectionDelegations, sections, type Section, type SectionState, type SectionVersion } from "@/db/schema";
import { holdSection, publishSectionState } from "@/lib/collab/bus";
import { conflict, forbidden, refused, validation } from "@/lib/errors";
import { notifyingTransaction } from "@/lib/notify/commit";
import { countPlaceholders } from "@/lib/placeholders/find";
import { canSection, type Principal } from "@/lib/policy";
import { decide, freezesSubmission, isDone, isReportOpen, isStageDecision, stepFor, type ChainAccount, type Outcome, type ReviewEvent } from "@/lib/workflow";
import { contentHash } from "./content-hash";
import { getSection } from "./get-section";
import { placeholderRefusal } from "./placeholder-check";
import { loadSectionContent } from "./section-doc";
import { transitionToAppError } from "./transition-errors";
import { notifyTransition } from "./transition-notifications";
import { insertVersion, latestVersion, versionContent } from "./versions";

export interface TransitionInput {
  sectionId: string;
  event: ReviewEvent;
  /** The `sections.version` the actor saw (optimistic concurrency token). */
  version: number;
  actor: Principal;
  /** Required for request_changes (意见) and reopen (原因); optional note otherwise. */
  comment?: string | null;
  /** request_changes: back to the previous stage's approvers instead of the editors. */
  returnToPrevious?: boolean;
  /** delegate: username of the account taking over. */
  to?: string | null;
  /** delegate by an admin: username of the approver whose pending approval is handed over. */
  from?: string | null;
}

export interface TransitionResult {
  sectionId: string;
  from: SectionState;
  state: SectionState;
  /** The new `sections.version`. */
  version: number;
  /** Stage (1-based) the section waits at afterwards (meaningful in review). */
  stage: number;
  /** The version snapshot the audit row points at (frozen now, or the one acted upon). */
  versionId: string | null;
  eventId: string;
}

/**
 * Fires `event` on a section.
 * @throws AppError not_found (no such section); forbidden (policy, not an approver of this
 *   stage, separation of duties — with the reason); conflict (stale `version`, lost a race);
 *   refused (not possible in this state, report finalized, placeholders left, unreadable text, nothing
 *   submitted, withdraw after an approval); validation (`comment` missing, bad delegate `to`).
 */
export async function transitionSection(db: Db, input: TransitionInput): Promise<TransitionResult> {
  // The room's unsaved keystrokes must be in section_updates before the text is frozen, and
  // keystrokes arriving while it is frozen wait until the new state is out: then they are
  // refused (in_review) or applied (the transition failed), never acknowledged but left out.
  const release = freezesSubmission(input.event) ? await holdSection(input.sectionId) : () => {};
  try {
    const result = await notifyingTransaction(db, (tx) => run(tx, input));
    if (result.from !== result.state) publishSectionState({ sectionId: result.sectionId, state: result.state });
    return result;
  } finally {
    release();
  }
}

async function run(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const { sectionId, event } = input;
  const comment = input.comment?.trim() || null;
  const { section, report, review, facts } = await getSection(tx, sectionId, { lock: true });
  const actor = review.accounts.find((a) => a.id === input.actor.id);
  if (!actor || input.actor.disabled) throw forbidden("账号不存在或已停用");
  if (!canSection(input.actor, "read", facts)) throw forbidden("该章节分配给其他部门，您不能操作");
  if (!isReportOpen(report.status)) throw refused("总结已定稿，章节不能再变更；如需修改，请管理员先重新打开总结");

  const stale = !versionAccepted(section, event, input.version);
  const byName = (u: string | null | undefined, field: string): ChainAccount | null => {
    if (!u) return null;
    const acc = review.accounts.find((a) => a.username === u.trim());
    if (!acc) throw validation(`账号「${u}」不存在或已停用`, field);
    return acc;
  };
  let out: Outcome;
  const to = byName(input.to, "to");
  try {
    out = decide({
      state: section.state, event, actor, departmentId: section.departmentId, facts: review, comment,
      returnToPrevious: input.returnToPrevious, to, from: byName(input.from, "from"),
    });
  } catch (err) {
    throw transitionToAppError(err, stale);
  }
  if (stale) throw conflict();
  const prepared = await prepare(tx, section, event, out);

  const newVersion = section.version + 1;
  const [updated] = await tx
    .update(sections)
    .set({
      state: out.to,
      version: sql`${sections.version} + 1`,
      stage: out.stage,
      lastActivityAt: new Date(),
      ...(out.startsRound ? { reviewRound: section.reviewRound + 1 } : {}),
      ...(out.stageChanged ? { stageSinceVersion: newVersion, stageSince: new Date() } : {}),
      ...(prepared.placeholderCount !== undefined ? { placeholderCount: prepared.placeholderCount } : {}),
    })
    .where(and(eq(sections.id, sectionId), eq(sections.version, section.version)))
    .returning({ version: sections.version, state: sections.state });
  if (!updated) throw conflict();

  if (out.voidFromStage !== undefined) {
    await tx.update(sectionApprovals).set({ voidedAt: new Date() }).where(and(
      eq(sectionApprovals.sectionId, sectionId), eq(sectionApprovals.round, section.reviewRound),
      gte(sectionApprovals.stage, out.voidFromStage), isNull(sectionApprovals.voidedAt),
    ));
  }
  if (out.approval && prepared.basis) {
    await tx.insert(sectionApprovals).values({
      sectionId, round: section.reviewRound, stage: out.approval.stage, approverId: actor.id, onBehalfOfId: out.approval.onBehalfOfId,
      versionId: prepared.basis.id, contentHash: contentHash(prepared.basis),
    });
  }
  if (out.delegation) {
    await tx.insert(sectionDelegations).values({ sectionId, round: section.reviewRound, ...out.delegation, byId: actor.id });
  }
  const versionId = await freeze(tx, out, prepared, actor.id);
  if (isStageDecision(section.state, event)) {
    await tx.update(sections).set({ lastReviewedVersionId: versionId }).where(eq(sections.id, sectionId));
  }
  const stageName = out.actedAtStage ? report.chain[out.actedAtStage - 1]?.name ?? null : null;
  const note = out.delegation ? [`转交给 ${input.to}`, comment].filter(Boolean).join("：") : comment;
  const [audit] = await tx
    .insert(reviewEvents)
    .values({ sectionId, actorId: actor.id, event, fromState: section.state, toState: out.to, comment: note, versionId, stage: out.actedAtStage, stageName })
    .returning({ id: reviewEvents.id });
  await notifyTransition(tx, { section, event, out, chain: report.chain, actorId: actor.id, comment, delegateId: to?.id });
  return { sectionId, from: section.state, state: updated.state, version: updated.version, stage: out.stage, versionId, eventId: audit.id };
}

/** An approve is valid from any version since the current stage began; everything else needs the current one. */
function versionAccepted(section: Section, event: ReviewEvent, version: number): boolean {
  if (stepFor(section.state, event)?.approves) return version >= section.stageSinceVersion && version <= section.version;
  return version === section.version;
}

interface Prepared {
  sectionId: string;
  /** submit: the content to freeze. */
  content?: Awaited<ReturnType<typeof loadSectionContent>>;
  /** The version acted upon: latest submitted (in review) or approved (reopen). */
  basis: SectionVersion | null;
  placeholderCount?: number;
}

/** Reads and checks what the event needs before the section row is changed. */
async function prepare(tx: Tx, section: Section, event: ReviewEvent, out: Outcome): Promise<Prepared> {
  if (out.freezes === "submitted") {
    const content = await loadSectionContent(tx, section.id);
    const refusal = placeholderRefusal(content.text, section.intendedPlaceholders);
    if (refusal) throw refused(refusal);
    return { sectionId: section.id, content, basis: null, placeholderCount: countPlaceholders(content.text, section.intendedPlaceholders) };
  }
  const basis = await latestVersion(tx, section.id, isDone(section.state) ? "approved" : "submitted");
  if (!basis && isStageDecision(section.state, event)) throw refused("该章节没有提交的版本，无法审核");
  return { sectionId: section.id, basis };
}

/** Inserts the version the outcome freezes, returns the version id for the audit row. */
async function freeze(tx: Tx, out: Outcome, p: Prepared, actorId: string): Promise<string | null> {
  if (out.freezes === "submitted" && p.content) {
    return (await insertVersion(tx, { sectionId: p.sectionId, kind: "submitted", content: p.content, createdBy: actorId })).id;
  }
  if (out.freezes === "approved" && p.basis) {
    // A copy of exactly what every stage approved, never the live document.
    return (await insertVersion(tx, { sectionId: p.sectionId, kind: "approved", content: versionContent(p.basis), createdBy: actorId })).id;
  }
  return p.basis?.id ?? null;
}
