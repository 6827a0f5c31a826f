"use client";
/** The section's review state in the page header, kept live by the editor's state messages. */
import { useEffect, useState } from "react";
import { StateBadge as Badge } from "@/app/_components/state-badge";
import { STATE_META, type SectionState } from "@/lib/workflow/vocabulary";

export function StateBadge({ sectionId, initial }: { sectionId: string; initial: SectionState }) {
  const [state, setState] = useState<SectionState>(initial);
  useEffect(() => {
    const on = (e: Event) => {
      const d = (e as CustomEvent<{ sectionId: string; state: SectionState }>).detail;
      if (d?.sectionId === sectionId && d.state in STATE_META) setState(d.state);
    };
    window.addEventListener("hegao:section-state", on);
    return () => window.removeEventListener("hegao:section-state", on);
  }, [sectionId]);
  return <Badge state={state} testId="state-badge" />;
}
