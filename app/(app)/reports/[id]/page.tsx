import Link from "next/link";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { getReportWithOutline } from "@/lib/reports/get-report";
import { canSection } from "@/lib/policy";
import { STATE_LABELS } from "@/lib/review/state-machine";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const { report, sections } = await getReportWithOutline(await getDb(), id);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{report.title}</h1>
      <div className="card overflow-hidden">
        <table className="table">
          <thead><tr><th>章节</th><th>部门</th><th>状态</th></tr></thead>
          <tbody>
            {sections.map((s) => (
              <tr key={s.id}>
                <td style={{ paddingLeft: `${s.level * 12}px` }}>
                  {canSection(user, "read", s) && !s.headingOnly ? (
                    <Link href={`/sections/${s.id}`} className="text-brand-700 hover:underline">{s.number}{s.title}</Link>
                  ) : (
                    <span>{s.number}{s.title}</span>
                  )}
                </td>
                <td>{s.departmentName ?? "—"}</td>
                <td>{s.headingOnly ? "" : STATE_LABELS[s.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
