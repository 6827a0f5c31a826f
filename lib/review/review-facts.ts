/**
 * The facts of a section's current review round, read from the database for the workflow
 * (lib/workflow/progress.ts): the report's chain, the stage, live approvals and delegations of
 * the round, who submitted the version under review, and the active accounts.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionApprovals, sectionDelegations, sectionVersions, type Section } from "@/db/schema";
import { chainAccounts } from "@/lib/accounts/principal";
import type { Chain, ReviewFacts } from "@/lib/workflow";

/** Facts of `section`'s current round under `chain` (the report's copy); pass `known` accounts to skip reading them. */
export async function loadReviewFacts(
  db: DbOrTx, section: Pick<Section, "id" | "stage" | "reviewRound">, chain: Chain, known?: ReviewFacts["accounts"],
): Promise<ReviewFacts> {
  const [approvals, delegations, [submitted], accounts] = await Promise.all([
    db.select().from(sectionApprovals).where(and(eq(sectionApprovals.sectionId, section.id), eq(sectionApprovals.round, section.reviewRound), isNull(sectionApprovals.voidedAt))),
    db.select().from(sectionDelegations).where(and(eq(sectionDelegations.sectionId, section.id), eq(sectionDelegations.round, section.reviewRound))),
    db.select({ createdBy: sectionVersions.createdBy }).from(sectionVersions)
      .where(and(eq(sectionVersions.sectionId, section.id), eq(sectionVersions.kind, "submitted")))
      .orderBy(desc(sectionVersions.number)).limit(1),
    known ?? chainAccounts(db),
  ]);
  return {
    chain,
    stage: section.stage,
    approvals: approvals.map((a) => ({ stage: a.stage, approverId: a.approverId, onBehalfOfId: a.onBehalfOfId, at: a.createdAt })),
    delegations: delegations.map((d) => ({ stage: d.stage, fromId: d.fromId, toId: d.toId })),
    submittedBy: submitted?.createdBy ?? null,
    accounts,
  };
}
