/**
 * The report's own parts on the dashboard: the opening (its state, department and a link to its
 * editor), 主送 / 附件 / 落款 as they will print, the unresolved blanks counted per part, and
 * for admins the link to the report settings.
 */
import Link from "next/link";
import { StateBadge } from "@/app/_components/state-badge";
import type { PartName } from "@/lib/placeholders/parts";
import { PART_LABELS } from "@/lib/reports/parts-placeholders";
import type { OutlineSection } from "@/lib/reports/get-report";
import type { SignOff } from "@/lib/reports/report-parts";

export interface ReportPartsCardProps {
  reportId: string;
  opening: OutlineSection | null;
  addressee: string;
  attachments: string[];
  signOff: SignOff;
  counts: Record<PartName, number>;
  /** The account may open the opening's page (policy `read`); else its name is shown without a link. */
  canReadOpening: boolean;
  canEditOpening: boolean;
  isAdmin: boolean;
}

export function ReportPartsCard({ reportId, opening, addressee, attachments, signOff, counts, canReadOpening, canEditOpening, isAdmin }: ReportPartsCardProps) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section className="card space-y-3 p-4 text-sm" data-testid="report-parts" aria-label="总结各部分">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">总结各部分</h2>
        {isAdmin && <Link href={`/reports/${reportId}/settings`} className="btn ml-auto" data-testid="settings-link">标题、主送、附件、落款</Link>}
      </div>
      {opening && (
        <div className="flex flex-wrap items-center gap-2 rounded border border-slate-200 px-3 py-2" data-testid="opening-row">
          {canReadOpening ? (
            <Link href={`/sections/${opening.id}`} className="font-medium text-brand-700 hover:underline" data-testid="opening-link">开头（导语）</Link>
          ) : (
            <span className="font-medium">开头（导语）</span>
          )}
          <StateBadge state={opening.state} testId="opening-state" />
          {opening.departmentName && (
            <span className="inline-flex items-center gap-1 text-slate-600">
              <span className="inline-block h-2 w-2 rounded-full" style={{ background: opening.departmentColor ?? "#64748b" }} />
              {opening.departmentName}
            </span>
          )}
          <span className="text-xs text-slate-500">与章节一样协作撰写、审核{canEditOpening ? "（您可编辑）" : ""}</span>
        </div>
      )}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-3">
        <div><dt className="inline text-slate-500">主送：</dt><dd className="inline" data-testid="parts-addressee">{addressee || "无"}</dd></div>
        <div><dt className="inline text-slate-500">附件：</dt><dd className="inline" data-testid="parts-attachments">{attachments.length ? `${attachments.length} 件` : "无"}</dd></div>
        <div><dt className="inline text-slate-500">落款：</dt><dd className="inline" data-testid="parts-signoff">{signOff.unit} · {signOff.date ?? "定稿日期"}</dd></div>
      </dl>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" data-testid="part-counts" data-total={total}>
        <span className={total ? "font-medium text-amber-800" : "text-slate-500"}>待补充 {total} 处：</span>
        {(Object.keys(PART_LABELS) as PartName[]).map((part) => (
          <span key={part} data-testid={`part-count-${part}`} data-count={counts[part]} className={counts[part] ? "badge bg-amber-100 text-amber-900" : "text-slate-400"}>
            {PART_LABELS[part]} {counts[part]}
          </span>
        ))}
      </div>
    </section>
  );
}
