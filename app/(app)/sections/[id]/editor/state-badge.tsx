"use client";
/** The section's review state in the page header, kept live by the editor's state messages. */
import { useEffect, useState } from "react";
import type { SectionState } from "@/db/schema";
import { STATE_LABELS } from "@/lib/review/state-machine";

const TONE: Record<SectionState, string> = {
  draft: "bg-slate-100 text-slate-700",
  in_review: "bg-blue-50 text-blue-700",
  approved: "bg-emerald-50 text-emerald-700",
  changes_requested: "bg-amber-50 text-amber-800",
};

export function StateBadge({ sectionId, initial }: { sectionId: string; initial: SectionState }) {
  const [state, setState] = useState<SectionState>(initial);
  useEffect(() => {
    const on = (e: Event) => {
      const d = (e as CustomEvent<{ sectionId: string; state: SectionState }>).detail;
      if (d?.sectionId === sectionId && d.state in STATE_LABELS) setState(d.state);
    };
    window.addEventListener("hegao:section-state", on);
    return () => window.removeEventListener("hegao:section-state", on);
  }, [sectionId]);
  return <span className={`badge ${TONE[state]}`} data-testid="state-badge">{STATE_LABELS[state]}</span>;
}
