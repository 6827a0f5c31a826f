/** The review state as a coloured badge (草稿 / 审核中 / 已通过 / 退回修改). */
import type { SectionState } from "@/db/schema";
import { STATE_LABELS } from "@/lib/review/state-machine";

const COLORS: Record<SectionState, string> = {
  draft: "bg-slate-100 text-slate-700",
  in_review: "bg-blue-50 text-blue-700",
  approved: "bg-emerald-50 text-emerald-700",
  changes_requested: "bg-amber-50 text-amber-800",
};

export function StateBadge({ state }: { state: SectionState }) {
  return (
    <span className={`badge ${COLORS[state]}`} data-testid="state-label" data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
