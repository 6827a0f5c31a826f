/**
 * One run of the deadline reminders: for every open report, every department with sections not
 * yet approved, grouped by their effective due date (the section's own, else the report's
 * deadline): `due_soon` two days and one day before, `overdue` once per day after — one
 * notification per department and due date naming its sections, to the department's editors
 * and lead (recipients by lib/notify/recipients.ts).
 *
 * Idempotent: each reminder carries the dedupe key
 * `due:<reportId>/<departmentId>:<dueDate>:<d2|d1|overdue:YYYY-MM-DD>` and `notify` writes at
 * most one notification per (recipient, key), ever. A run repeated, a restart, or two instances
 * running at once never duplicate; a run after a short downtime sends what today still calls
 * for (the day's reminder, not the ones of days already past).
 */
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reports } from "@/db/schema";
import { notifyingTransaction } from "@/lib/notify/commit";
import { notify } from "@/lib/notify/notify";
import { REPORT_STATUSES, isReportOpen } from "@/lib/workflow/vocabulary";
import { reminderMessage } from "./chase-message";
import { chinaToday, daysUntil } from "./dates";
import { departmentDues, type PendingSection } from "./department-dues";

export interface ReminderRun {
  /** Reminders (department × due date) due today, whether or not already sent. */
  due: number;
  /** Notification rows written by this run (0 when everything was sent before). */
  written: number;
}

/** The reminder tier of a due date `daysLeft` days away, or null when none is due today. */
export function reminderTier(daysLeft: number, today: string): { kind: "due_soon" | "overdue"; tier: string } | null {
  if (daysLeft === 2) return { kind: "due_soon", tier: "d2" };
  if (daysLeft === 1) return { kind: "due_soon", tier: "d1" };
  if (daysLeft < 0) return { kind: "overdue", tier: `overdue:${today}` };
  return null;
}

/**
 * Sends the reminders due at `now` (China day). Each report in its own transaction; open
 * browsers of the recipients hear of new rows after it commits.
 * @returns how many reminders were due and how many notification rows were written.
 */
export async function runDeadlineReminders(db: Db, now: Date = new Date()): Promise<ReminderRun> {
  const today = chinaToday(now);
  const open = REPORT_STATUSES.filter(isReportOpen);
  const ids = await db.select({ id: reports.id }).from(reports).where(inArray(reports.status, open));
  const run: ReminderRun = { due: 0, written: 0 };
  for (const { id } of ids) {
    await notifyingTransaction(db, async (tx) => {
      const { report, departments } = await departmentDues(tx, id, today);
      for (const dept of departments) {
        const byDue = new Map<string, PendingSection[]>();
        for (const s of dept.pending) if (s.due) byDue.set(s.due, [...(byDue.get(s.due) ?? []), s]);
        for (const [due, sections] of byDue) {
          const daysLeft = daysUntil(due, today);
          const t = reminderTier(daysLeft, today);
          if (!t) continue;
          run.due += 1;
          const rows = await notify(tx, {
            kind: t.kind, reportId: report.id, departmentId: dept.departmentId, actorId: null,
            sectionId: sections.length === 1 ? sections[0].id : null,
            dedupeKey: `due:${report.id}/${dept.departmentId}:${due}:${t.tier}`,
            ...reminderMessage(report, dept, sections, due, daysLeft),
          });
          run.written += rows.length;
        }
      }
    });
  }
  return run;
}
