/**
 * The report's opening (开头) as its own collaborative section: a `sections` row of kind
 * "opening" (level 0, outside the outline, never numbered), served by the same collaboration
 * room, persistence and review chain as a section. It is assigned to the coordinating office:
 * the department of the account that created the report, else a department named like an
 * office (党委办公室, 综合办公室, 办公室…), else the first department.
 */
import { and, asc, eq, isNull, like, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { departments, reports, sectionUpdates, sections, users } from "@/db/schema";
import { textToYjsUpdate } from "@/lib/collab/content";
import { findPlaceholders } from "@/lib/placeholders/find";

/** Stored title of every opening section (shown in the inbox and on its page). */
export const OPENING_TITLE = "开头";

/**
 * The department the opening is assigned to by default (see the module comment).
 * Takes the creating account's id (or null); returns a department id, or null without departments.
 */
export async function openingDepartmentId(db: DbOrTx, createdBy: string | null | undefined): Promise<string | null> {
  if (createdBy) {
    const [u] = await db.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, createdBy));
    if (u) return u.departmentId;
  }
  const [office] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(or(like(departments.name, "%党委办公室%"), like(departments.name, "%综合办%"), like(departments.name, "%办公室%")))
    .orderBy(asc(departments.position))
    .limit(1);
  if (office) return office.id;
  const [first] = await db.select({ id: departments.id }).from(departments).orderBy(asc(departments.position)).limit(1);
  return first?.id ?? null;
}

export interface OpeningInput {
  reportId: string;
  /** The opening's paragraphs, one per line ("" for an empty opening). */
  text: string;
  departmentId: string | null;
  dueDate: string | null;
}

/**
 * Inserts the opening section and its first Yjs update (made once, server side, like every
 * section's initial text). Call inside the report's creating transaction.
 * @returns the new section's id.
 */
export async function createOpeningSection(tx: DbOrTx, input: OpeningInput): Promise<string> {
  const [row] = await tx
    .insert(sections)
    .values({
      reportId: input.reportId, kind: "opening", parentId: null, level: 0, position: 0, title: OPENING_TITLE,
      departmentId: input.departmentId, dueDate: input.dueDate, placeholderCount: findPlaceholders(input.text).length,
    })
    .returning({ id: sections.id });
  await tx.insert(sectionUpdates).values({ sectionId: row.id, update: textToYjsUpdate(input.text) });
  return row.id;
}

/**
 * Start-up step for reports made before the opening was a section: every report without an
 * opening section gets one made from its `preamble` text, assigned as above. Idempotent (one
 * transaction per report, re-checked under the report's row lock).
 * @returns the number of openings created.
 */
export async function ensureOpeningSections(db: Db): Promise<number> {
  const missing = await db
    .select({ id: reports.id })
    .from(reports)
    .leftJoin(sections, and(eq(sections.reportId, reports.id), eq(sections.kind, "opening")))
    .where(isNull(sections.id));
  let created = 0;
  for (const { id } of missing) {
    await db.transaction(async (tx) => {
      const [report] = await tx.select().from(reports).where(eq(reports.id, id)).for("update");
      if (!report) return;
      const [has] = await tx.select({ id: sections.id }).from(sections).where(and(eq(sections.reportId, id), eq(sections.kind, "opening")));
      if (has) return;
      const departmentId = await openingDepartmentId(tx, report.createdBy);
      await createOpeningSection(tx, { reportId: id, text: report.preamble, departmentId, dueDate: report.deadline });
      created += 1;
    });
  }
  return created;
}
