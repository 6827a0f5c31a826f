"use client";

/**
 * Re-renders the server parts of the page when the editor reports a state change
 * (window event `hegao:section-state`, dispatched by the editor when the collaboration server
 * says the section turned read-only or writable), and when a changed placeholder count has been
 * saved (`hegao:placeholders-saved`), so the placeholder list matches the text.
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const SECTION_STATE_EVENT = "hegao:section-state";
export const PLACEHOLDERS_SAVED_EVENT = "hegao:placeholders-saved";

/** `state`: the state the server rendered; an event announcing the same state changes nothing. */
export function LiveRefresh({ sectionId, state }: { sectionId: string; state: string }) {
  const router = useRouter();
  useEffect(() => {
    const onState = (e: Event) => {
      const detail = (e as CustomEvent<{ sectionId?: string; state?: string } | undefined>).detail;
      if (detail?.sectionId && detail.sectionId !== sectionId) return;
      if (detail?.state !== state) router.refresh();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSaved = (e: Event) => {
      if ((e as CustomEvent<{ sectionId?: string }>).detail?.sectionId !== sectionId) return;
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 300);
    };
    window.addEventListener(SECTION_STATE_EVENT, onState);
    window.addEventListener(PLACEHOLDERS_SAVED_EVENT, onSaved);
    return () => {
      clearTimeout(timer);
      window.removeEventListener(SECTION_STATE_EVENT, onState);
      window.removeEventListener(PLACEHOLDERS_SAVED_EVENT, onSaved);
    };
  }, [router, sectionId, state]);
  return null;
}
