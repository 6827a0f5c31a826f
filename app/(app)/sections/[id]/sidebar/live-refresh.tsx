"use client";

/**
 * Re-renders the server parts of the page when the editor reports a state change
 * (window event `hegao:section-state`, dispatched by the editor when the collaboration server
 * says the section turned read-only or writable) or that the server refused its edits
 * (`hegao:rejected-draft`: the new rejected draft appears in the sidebar).
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { REJECTED_DRAFT_EVENT } from "@/lib/editor/window-events";

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
    const onDraft = (e: Event) => {
      const detail = (e as CustomEvent<{ sectionId?: string } | undefined>).detail;
      if (!detail?.sectionId || detail.sectionId === sectionId) router.refresh();
    };
    window.addEventListener(SECTION_STATE_EVENT, onState);
    window.addEventListener(REJECTED_DRAFT_EVENT, onDraft);
    return () => {
      window.removeEventListener(SECTION_STATE_EVENT, onState);
      window.removeEventListener(REJECTED_DRAFT_EVENT, onDraft);
    };
  }, [router, sectionId, state]);
  return null;
}
