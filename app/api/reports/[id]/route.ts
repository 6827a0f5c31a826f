/**
 * `GET /api/reports/<id>` → the report with its outline: `{ report, sections }`, each section
 * with its computed number, level, state, version and department (design.md "Interfaces").
 * Every signed-in account may read a report's outline (lib/policy.ts `canReport read`).
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { assertReport } from "@/lib/policy";
import { getReportWithOutline } from "@/lib/reports/get-report";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user, params }) => {
  const { report, sections } = await getReportWithOutline(await getDb(), params.id);
  assertReport(user, "read", report);
  return {
    report: {
      id: report.id, title: report.title, period: report.period, organisationName: report.organisationName,
      deadline: report.deadline, status: report.status, version: report.version,
    },
    sections: sections.map((s) => ({
      id: s.id, parentId: s.parentId, number: s.number, title: s.title, level: s.level, position: s.position,
      headingOnly: s.headingOnly, departmentId: s.departmentId, departmentName: s.departmentName,
      state: s.state, version: s.version, dueDate: s.dueDate, lastActivityAt: s.lastActivityAt,
    })),
  };
});
