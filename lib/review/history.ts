/**
 * A section's history: the audit log of review transitions (who, when, from → to, comment,
 * version) and the list of frozen versions, newest first.
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reviewEvents, sectionVersions, users, type SectionState, type SectionVersion } from "@/db/schema";
import { countWords } from "@/lib/text/word-count";
import type { AuditEvent, ReviewEvent } from "@/lib/workflow";

export interface HistoryEvent {
  id: string;
  /** A review transition, or an audit-only row (`restore`: a version brought back, state unchanged). */
  event: ReviewEvent | AuditEvent;
  fromState: SectionState;
  toState: SectionState;
  comment: string | null;
  versionId: string | null;
  versionNumber: number | null;
  actorName: string;
  actorUsername: string;
  /** Chain stage (1-based) and its name, for approve / request_changes / delegate. */
  stage: number | null;
  stageName: string | null;
  createdAt: Date;
}

export type VersionSummary = Pick<SectionVersion, "id" | "number" | "kind" | "createdAt"> & {
  authorName: string | null;
  /** 字数 of the version text (lib/text/word-count: Chinese characters + words, no punctuation). */
  chars: number;
};

/** Audit events of a section, newest first. */
export async function listReviewEvents(db: DbOrTx, sectionId: string): Promise<HistoryEvent[]> {
  const rows = await db
    .select({ e: reviewEvents, actorName: users.displayName, actorUsername: users.username, versionNumber: sectionVersions.number })
    .from(reviewEvents)
    .innerJoin(users, eq(reviewEvents.actorId, users.id))
    .leftJoin(sectionVersions, eq(reviewEvents.versionId, sectionVersions.id))
    .where(eq(reviewEvents.sectionId, sectionId))
    .orderBy(desc(reviewEvents.createdAt), desc(reviewEvents.id));
  return rows.map((r) => ({
    id: r.e.id, event: r.e.event as ReviewEvent | AuditEvent, fromState: r.e.fromState as SectionState, toState: r.e.toState as SectionState,
    comment: r.e.comment, versionId: r.e.versionId, versionNumber: r.versionNumber,
    actorName: r.actorName, actorUsername: r.actorUsername, stage: r.e.stage, stageName: r.e.stageName, createdAt: r.e.createdAt,
  }));
}

/** Frozen versions of a section (without their content), newest first. */
export async function listVersions(db: DbOrTx, sectionId: string): Promise<VersionSummary[]> {
  const rows = await db
    .select({ v: sectionVersions, authorName: users.displayName })
    .from(sectionVersions)
    .leftJoin(users, eq(sectionVersions.createdBy, users.id))
    .where(eq(sectionVersions.sectionId, sectionId))
    .orderBy(desc(sectionVersions.number));
  return rows.map((r) => ({
    id: r.v.id, number: r.v.number, kind: r.v.kind, createdAt: r.v.createdAt, authorName: r.authorName, chars: countWords(r.v.text),
  }));
}

/** One version of a section by its number (第 n 版), or null. */
export async function getVersionByNumber(db: DbOrTx, sectionId: string, number: number): Promise<SectionVersion | null> {
  const [row] = await db
    .select()
    .from(sectionVersions)
    .where(and(eq(sectionVersions.sectionId, sectionId), eq(sectionVersions.number, number)));
  return row ?? null;
}
