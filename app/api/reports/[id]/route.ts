/**
 * `GET /api/reports/<id>` → the report with its outline and its own parts: `{ report, sections,
 * addressee, opening, attachments, signOff: { unit, date }, placeholders: [{ part, sectionId?,
 * text, context }] }` (design.md "Interfaces"). `opening` is the opening's text as it would
 * print now; `signOff.unit` falls back to the organisation, `date` null means the finalize date.
 * Every signed-in account may read a report (lib/policy.ts `canReport read`).
 *
 * `PATCH /api/reports/<id>` (admin) with any of `{ title, addressee, attachments, signOff }`
 * → `{ version }` (lib/reports/update-report-parts.ts).
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { validation } from "@/lib/errors";
import { assertReport } from "@/lib/policy";
import { loadReportParts } from "@/lib/reports/report-parts";
import { updateReportParts } from "@/lib/reports/update-report-parts";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user, params }) => {
  const { report, sections, opening, parts, signOff, placeholders } = await loadReportParts(await getDb(), params.id);
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
    addressee: report.addressee,
    opening: parts.opening,
    openingSection: opening ? { id: opening.id, departmentId: opening.departmentId, state: opening.state, version: opening.version } : null,
    attachments: report.attachments,
    signOff,
    placeholders: placeholders.map((p) => ({ part: p.part, ...(p.sectionId ? { sectionId: p.sectionId } : {}), text: p.text, context: p.context })),
  };
});

export const PATCH = apiHandler(async ({ req, user, params }) => {
  const body = await req.json().catch(() => {
    throw validation("请求体不是有效的 JSON");
  });
  return updateReportParts(await getDb(), { reportId: params.id, actor: user, input: body });
});
