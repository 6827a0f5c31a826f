/**
 * The zh-CN text of notifications about a department's open sections: 催报 and the deadline
 * reminders (due in 2 days / 1 day, overdue), naming the sections concerned.
 */
import type { Report } from "@/db/schema";
import { dueLabel } from "./dates";
import type { DepartmentDue, PendingSection } from "./department-dues";

/** The department's page of the report dashboard (its rows filtered). */
export const departmentLink = (reportId: string, departmentId: string): string => `/reports/${reportId}?dept=${departmentId}`;

/** One line per section: "（一）标题（截止 2026-07-10）". */
function sectionLines(sections: PendingSection[]): string {
  return sections.map((s) => `${s.label}${s.due ? `（截止 ${s.due}）` : ""}`).join("\n");
}

/** Title, body and link of a 催报 of department `d`. */
export function chaseMessage(report: Pick<Report, "id" | "title">, d: DepartmentDue, note: string | null) {
  const status = d.daysLeft === null ? "" : `，${dueLabel(d.daysLeft)}`;
  return {
    title: `催报：《${report.title}》${d.name}尚有 ${d.pending.length} 个章节未完成${status}`,
    body: [note ? `留言：${note}` : "", "未完成的章节：", sectionLines(d.pending)].filter(Boolean).join("\n"),
    link: departmentLink(report.id, d.departmentId),
  };
}

/**
 * Title, body and link of a deadline reminder for `sections` of one department, all due on
 * the same day, `daysLeft` days from today (2, 1, or negative when overdue).
 */
export function reminderMessage(report: Pick<Report, "id" | "title">, dept: Pick<DepartmentDue, "departmentId" | "name">, sections: PendingSection[], due: string, daysLeft: number) {
  const what = sections.length === 1 ? `「${sections[0].label}」` : ` ${sections.length} 个章节`;
  const title = daysLeft < 0
    ? `《${report.title}》${dept.name}的${what}已逾期 ${-daysLeft} 天（截止 ${due}）`
    : `《${report.title}》${dept.name}的${what}将于 ${due} 截止，${dueLabel(daysLeft)}`;
  return {
    title,
    body: `尚未审核通过的章节：\n${sectionLines(sections)}`,
    link: sections.length === 1 ? `/sections/${sections[0].id}` : departmentLink(report.id, dept.departmentId),
  };
}
