/**
 * The facts of sections' current review rounds, read from the database for the workflow
 * (lib/workflow/progress.ts): the report's chain, the stage, live approvals and delegations of
 * the round, who submitted the version under review, and the active accounts. Batched: three
 * queries however many sections (the inbox reads every section in review).
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionApprovals, sectionDelegations, sectionVersions, type Section } from "@/db/schema";
import { chainAccounts } from "@/lib/accounts/principal";
import type { Chain, ReviewFacts } from "@/lib/workflow";

type Round = Pick<Section, "id" | "stage" | "reviewRound">;

/** Facts of `section`'s current round under `chain` (the report's copy); pass `known` accounts to skip reading them. */
export async function loadReviewFacts(db: DbOrTx, section: Round, chain: Chain, known?: ReviewFacts["accounts"]): Promise<ReviewFacts> {
  return (await loadManyReviewFacts(db, [{ section, chain }], known)).get(section.id)!;
}

/** Facts of many sections' rounds, by section id. */
export async function loadManyReviewFacts(
  db: DbOrTx, list: { section: Round; chain: Chain }[], known?: ReviewFacts["accounts"],
): Promise<Map<string, ReviewFacts>> {
  const ids = list.map((l) => l.section.id);
  const out = new Map<string, ReviewFacts>();
  if (!ids.length) return out;
  // One after another: inside a transaction all four share one connection (pg deprecates
  // overlapping queries on one client).
  const approvals = await db.select().from(sectionApprovals).where(and(inArray(sectionApprovals.sectionId, ids), isNull(sectionApprovals.voidedAt)));
  const delegations = await db.select().from(sectionDelegations).where(inArray(sectionDelegations.sectionId, ids));
  const submitted = await db
    .selectDistinctOn([sectionVersions.sectionId], { sectionId: sectionVersions.sectionId, createdBy: sectionVersions.createdBy })
    .from(sectionVersions)
    .where(and(inArray(sectionVersions.sectionId, ids), eq(sectionVersions.kind, "submitted")))
    .orderBy(sectionVersions.sectionId, desc(sectionVersions.number));
  const accounts = known ?? (await chainAccounts(db));
  for (const { section, chain } of list) {
    const mine = <T extends { sectionId: string; round: number }>(rows: T[]) => rows.filter((r) => r.sectionId === section.id && r.round === section.reviewRound);
    out.set(section.id, {
      chain,
      stage: section.stage,
      approvals: mine(approvals).map((a) => ({ stage: a.stage, approverId: a.approverId, onBehalfOfId: a.onBehalfOfId, at: a.createdAt })),
      delegations: mine(delegations).map((d) => ({ stage: d.stage, fromId: d.fromId, toId: d.toId })),
      submittedBy: submitted.find((v) => v.sectionId === section.id)?.createdBy ?? null,
      accounts,
    });
  }
  return out;
}
