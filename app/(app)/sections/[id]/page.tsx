/**
 * The section page: header (report breadcrumb, computed number + title, department, live
 * review state), the collaborative editor — or, when the stored text cannot be read, the
 * unreadable marker with the admins' restore button —, last period's text as a reference
 * (lib/reports/previous-section.ts) and the review sidebar. The policy
 * decides who may open it; the collaboration server decides again at the WebSocket upgrade.
 */
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { sections } from "@/db/schema";
import { canAdminister, canSection } from "@/lib/policy";
import { openAnchors } from "@/lib/comments/list-threads";
import { unreadableMarker } from "@/lib/collab/render-section";
import { readSectionContent } from "@/lib/review/section-doc";
import { getReportWithOutline } from "@/lib/reports/get-report";
import { previousTextOf } from "@/lib/reports/previous-section";
import { previousSourceLabel } from "@/lib/review/previous-diff";
import { limitLabel } from "@/lib/text/word-limit";
import { SectionEditor } from "./editor/section-editor";
import { StateBadge } from "./editor/state-badge";
import { UnreadablePanel } from "./editor/unreadable-panel";
import { SectionSidebar } from "./sidebar";

export default async function SectionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = await getDb();
  const [row] = await db.select({ reportId: sections.reportId }).from(sections).where(eq(sections.id, id));
  if (!row) notFound();
  const { report, sections: outline, opening } = await getReportWithOutline(db, row.reportId);
  const section = opening?.id === id ? opening : outline.find((s) => s.id === id);
  if (!section) notFound();
  if (!canSection(user, "read", section)) forbidden();
  const readable = (await readSectionContent(db, id)).ok;
  const previous = await previousTextOf(db, section);
  const anchors = await openAnchors(db, id);
  return (
    <div className="space-y-3">
      <div>
        <nav className="text-sm text-slate-500" aria-label="位置">
          <Link href={`/reports/${report.id}`} className="hover:text-brand-700 hover:underline" data-testid="report-link">{report.title}</Link>
          <span className="mx-1.5">/</span>
          <span>{section.kind === "opening" ? "开头" : "章节"}</span>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-slate-900" data-testid="section-title">{section.number}{section.title}</h1>
          {section.departmentName && (
            <span className="inline-flex items-center gap-1.5 text-sm text-slate-600" data-testid="section-department">
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: section.departmentColor ?? "#64748b" }} />
              {section.departmentName}
            </span>
          )}
          <StateBadge sectionId={section.id} initial={section.state} />
          {section.dueDate && <span className="text-sm text-slate-500">截止 {section.dueDate}</span>}
          {section.wordLimit && <span className="text-sm text-slate-500" data-testid="word-limit">字数要求：{limitLabel(section.wordLimit)}</span>}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
        {readable ? (
          <SectionEditor
            sectionId={section.id}
            user={{ id: user.id, name: user.name, color: user.departmentColor }}
            initialState={section.state}
            intended={section.intendedPlaceholders}
            reference={previous && { text: previous.text, contentJson: previous.contentJson, source: previousSourceLabel(previous) }}
            anchors={anchors}
            canComment={canSection(user, "comment", section)}
            wordLimit={section.wordLimit}
          />
        ) : (
          <UnreadablePanel sectionId={section.id} marker={unreadableMarker(section.title)} canRestore={canAdminister(user)} />
        )}
        <SectionSidebar sectionId={section.id} user={user} />
      </div>
    </div>
  );
}
