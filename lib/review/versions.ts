/**
 * Frozen versions of a section (`section_versions`): `submit` freezes the text the editors
 * handed in, `approve` freezes a byte-for-byte copy of the submitted version the reviewer saw.
 * Rows are only ever inserted, never updated.
 */
import { and, desc, eq, lt, max } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionVersions, type SectionVersion } from "@/db/schema";
import type { SectionContent } from "./section-doc";

export type VersionKind = SectionVersion["kind"];

/** The newest version of `kind` (or of any kind) of a section, or null. */
export async function latestVersion(db: DbOrTx, sectionId: string, kind?: VersionKind): Promise<SectionVersion | null> {
  const where = kind
    ? and(eq(sectionVersions.sectionId, sectionId), eq(sectionVersions.kind, kind))
    : eq(sectionVersions.sectionId, sectionId);
  const [row] = await db.select().from(sectionVersions).where(where).orderBy(desc(sectionVersions.number)).limit(1);
  return row ?? null;
}

/** The newest version of `kind` numbered below `number`, or null. */
export async function versionBefore(db: DbOrTx, sectionId: string, kind: VersionKind, number: number): Promise<SectionVersion | null> {
  const [row] = await db.select().from(sectionVersions)
    .where(and(eq(sectionVersions.sectionId, sectionId), eq(sectionVersions.kind, kind), lt(sectionVersions.number, number)))
    .orderBy(desc(sectionVersions.number)).limit(1);
  return row ?? null;
}

/** A version by id, or null. */
export async function versionById(db: DbOrTx, id: string): Promise<SectionVersion | null> {
  const [row] = await db.select().from(sectionVersions).where(eq(sectionVersions.id, id));
  return row ?? null;
}

/**
 * Inserts the next version (number = highest so far + 1, starting at 1) of a section.
 * Call inside the transaction that already won the optimistic-concurrency update, so two
 * writers never compute the same number.
 */
export async function insertVersion(
  db: DbOrTx,
  opts: { sectionId: string; kind: VersionKind; content: SectionContent; createdBy: string },
): Promise<SectionVersion> {
  const [{ top }] = await db
    .select({ top: max(sectionVersions.number) })
    .from(sectionVersions)
    .where(eq(sectionVersions.sectionId, opts.sectionId));
  const [row] = await db
    .insert(sectionVersions)
    .values({
      sectionId: opts.sectionId,
      number: (top ?? 0) + 1,
      kind: opts.kind,
      yjsState: opts.content.yjsState,
      contentJson: opts.content.json,
      text: opts.content.text,
      createdBy: opts.createdBy,
    })
    .returning();
  return row;
}

/** The content of a stored version, to copy it into another (approve). */
export function versionContent(v: SectionVersion): SectionContent {
  return { yjsState: v.yjsState, json: v.contentJson as SectionContent["json"], text: v.text };
}
