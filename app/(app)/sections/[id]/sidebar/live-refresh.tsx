"use client";

/**
 * Re-renders the server parts of the page when the editor reports a state change
 * (window event `hegao:section-state`, dispatched by the editor when the collaboration server
 * says the section turned read-only or writable).
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const SECTION_STATE_EVENT = "hegao:section-state";

/** `state`: the state the server rendered; an event announcing the same state changes nothing. */
export function LiveRefresh({ sectionId, state }: { sectionId: string; state: string }) {
  const router = useRouter();
  useEffect(() => {
    const onState = (e: Event) => {
      const detail = (e as CustomEvent<{ sectionId?: string; state?: string } | undefined>).detail;
      if (detail?.sectionId && detail.sectionId !== sectionId) return;
      if (detail?.state !== state) router.refresh();
    };
    window.addEventListener(SECTION_STATE_EVENT, onState);
    return () => window.removeEventListener(SECTION_STATE_EVENT, onState);
  }, [router, sectionId, state]);
  return null;
}
