/**
 * 待我审核: every section waiting for the signed-in account at its stage, across reports,
 * oldest first, each linking to its review page.
 */
import Link from "next/link";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { formatDateTime, formatRelative } from "@/lib/reports/relative-time";
import { reviewInbox } from "@/lib/review/inbox";

export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const user = await requirePageUser();
  const items = await reviewInbox(await getDb(), user);
  const now = new Date();
  return (
    <div className="space-y-4" data-testid="inbox-page">
      <h1 className="text-xl font-semibold">待我审核 <span className="text-base font-normal text-slate-500">{items.length} 项</span></h1>
      {items.length === 0 ? (
        <div className="card p-8 text-center text-slate-500" data-testid="inbox-empty">没有等待您审核的章节。</div>
      ) : (
        <div className="card overflow-hidden">
          <table className="table" data-testid="inbox-table">
            <thead><tr><th>章节</th><th>所属总结</th><th className="w-40">环节</th><th className="w-36">等待时间</th></tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.sectionId} data-testid="inbox-item" data-section={i.sectionId}>
                  <td><Link href={`/sections/${i.sectionId}/review`} className="text-brand-700 hover:underline">{i.number}{i.title}</Link></td>
                  <td className="text-xs text-slate-600">{i.reportTitle}</td>
                  <td className="text-xs">{i.stage}</td>
                  <td className="text-xs text-slate-500" title={formatDateTime(new Date(i.since))}>{formatRelative(new Date(i.since), now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
