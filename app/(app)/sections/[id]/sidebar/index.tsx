/**
 * Right-hand sidebar of the section editor page: review state, actions (submit / withdraw),
 * placeholder count, reviewer comments, history link. Owned by the review workflow.
 * Stub until the review workflow lands.
 */
import type { CurrentUser } from "@/app/_server/session";

export async function SectionSidebar({ sectionId }: { sectionId: string; user: CurrentUser }) {
  return <aside className="card p-4 text-sm text-slate-500" data-section={sectionId}>审核功能即将上线</aside>;
}
