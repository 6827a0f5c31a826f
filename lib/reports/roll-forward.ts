/**
 * 开始下一期: from a finalized report, create the next period's report with the same outline
 * (titles, levels, order), the same assignments, a copy of the same review chain, and due dates
 * (report deadline and each section's) moved by the distance between the two periods
 * (lib/reports/period.ts). Every section starts empty (草稿) and points at its predecessor
 * (`previous_section_id`), whose approved text the section page shows as a reference.
 * One transaction; an audit row `roll_forward` on the new report names the source.
 */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reportEvents, reports, sections, sectionUpdates } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { textToYjsUpdate } from "@/lib/collab/content";
import { assertReport, type Principal } from "@/lib/policy";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { reportTransition } from "@/lib/workflow";
import { shiftDate, shiftMonths } from "./period";

/** The body of `POST /api/reports/<id>/roll-forward` and of the dashboard's dialog. */
export const rollForwardSchema = z.object({
  title: cleanTextSchema({ singleLine: true }).trim().min(1, "请填写标题").max(200, "标题过长"),
  period: cleanTextSchema({ singleLine: true }).trim().max(40, "期间过长").default(""),
});
export type RollForwardBody = z.input<typeof rollForwardSchema>;

export interface RollForwardInput extends RollForwardBody {
  reportId: string;
  actor: Principal;
}

export interface RollForwardResult {
  reportId: string;
  /** Months the due dates moved. */
  shiftedMonths: number;
  /** New section id → the section of the source report it continues. */
  sections: { id: string; previousSectionId: string }[];
}

/**
 * Creates the next period's report.
 * @throws AppError forbidden (not an admin), not_found (no such report), refused (the source
 *   is not finalized); ZodError (empty or overlong title / period, control characters).
 */
export async function rollForwardReport(db: Db, input: RollForwardInput): Promise<RollForwardResult> {
  assertReport(input.actor, "administer");
  const body = rollForwardSchema.parse({ title: input.title, period: input.period });
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(reports).where(eq(reports.id, input.reportId)).for("update");
    if (!source) throw notFound("总结");
    const step = reportTransition(source.status, "roll_forward");
    if ("refusal" in step) throw refused(step.refusal);
    const months = shiftMonths(source.period, body.period);
    const [created] = await tx
      .insert(reports)
      .values({
        title: body.title, period: body.period, organisationName: source.organisationName,
        deadline: shiftDate(source.deadline, months), createdBy: input.actor.id, previousReportId: source.id,
        reviewChain: source.reviewChain, reviewChainName: source.reviewChainName,
        // 主送, 附件 and the signing unit carry over; the 成文日期 is the new period's (finalize date).
        addressee: source.addressee, attachments: source.attachments, signOffUnit: source.signOffUnit,
      })
      .returning({ id: reports.id });
    // Parents before children (level order), so every parent id is mapped when its children come.
    const old = await tx.select().from(sections).where(eq(sections.reportId, source.id)).orderBy(asc(sections.level), asc(sections.position));
    const ids = new Map<string, string>();
    const out: RollForwardResult["sections"] = [];
    for (const s of old) {
      const parentId = s.parentId ? ids.get(s.parentId) ?? null : null;
      const [row] = await tx
        .insert(sections)
        .values({
          reportId: created.id, parentId, level: s.level, position: s.position, title: s.title,
          departmentId: s.departmentId, dueDate: shiftDate(s.dueDate, months), previousSectionId: s.id,
          kind: s.kind, // the opening (开头) stays the opening, with last period's opening as its reference
        })
        .returning({ id: sections.id });
      await tx.insert(sectionUpdates).values({ sectionId: row.id, update: textToYjsUpdate("") });
      ids.set(s.id, row.id);
      out.push({ id: row.id, previousSectionId: s.id });
    }
    await tx.insert(reportEvents).values({
      reportId: created.id, actorId: input.actor.id, event: "roll_forward",
      comment: `由「${source.title}」开始下一期（日期顺延 ${months} 个月）`,
    });
    return { reportId: created.id, shiftedMonths: months, sections: out };
  });
}
