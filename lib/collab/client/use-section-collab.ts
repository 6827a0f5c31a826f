"use client";
/**
 * React hook: one SectionCollab per mounted editor (created in an effect, destroyed on
 * unmount, so strict mode's double effects and navigation never leak a socket).
 *
 * When the server refuses a write (message 102), the hook keeps the refusal (for the banner),
 * discards that copy — its IndexedDB copy included — and opens a fresh one from the server's
 * document; the editor remounts on the new Y.Doc. The refused text is kept aside by the server
 * as a rejected draft; the page hears `hegao:rejected-draft` once the fresh copy is open.
 * More than three refusals within a minute stop the restarts (the banner asks for a reload).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { RefusedMessage } from "@/lib/collab/messages";
import { SectionCollab, type CollabSnapshot, type SectionCollabOptions } from "./section-collab";

/** Window event announcing that a rejected draft of this section was just kept aside. */
export { REJECTED_DRAFT_EVENT } from "@/lib/editor/window-events";
import { REJECTED_DRAFT_EVENT } from "@/lib/editor/window-events";

const MAX_RESTARTS_PER_MINUTE = 3;

export interface Refusal extends RefusedMessage {
  /** When it happened (ms since epoch). */
  at: number;
  /** Too many refusals in a row: no fresh copy was opened. */
  stopped: boolean;
}

const idle = (initialState: string): CollabSnapshot => ({ status: "connecting", state: initialState, writable: false, ready: false, peers: [], signedOut: false });

type Options = Omit<SectionCollabOptions, "onRefused">;

/** The section's collaboration session (null until created), its snapshot and the last refusal. */
export function useSectionCollab(opts: Options): {
  collab: SectionCollab | null;
  snapshot: CollabSnapshot;
  refusal: Refusal | null;
  dismissRefusal(): void;
} {
  const [collab, setCollab] = useState<SectionCollab | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [generation, setGeneration] = useState(0);
  const discarding = useRef<Promise<void>>(Promise.resolve());
  const restarts = useRef<number[]>([]);
  const { sectionId, userId, user, initialState, serverUrl } = opts;
  useEffect(() => {
    let cancelled = false;
    let current: SectionCollab | null = null;
    const onRefused = (c: SectionCollab, r: RefusedMessage) => {
      const now = Date.now();
      restarts.current = [...restarts.current.filter((t) => now - t < 60_000), now];
      const stopped = restarts.current.length > MAX_RESTARTS_PER_MINUTE;
      setRefusal({ ...r, at: now, stopped });
      if (stopped) return; // this copy stays disconnected and read-only
      current = null;
      discarding.current = c.discardLocalCopy().then(() => {
        window.dispatchEvent(new CustomEvent(REJECTED_DRAFT_EVENT, { detail: { sectionId } }));
      });
      setCollab(null);
      setGeneration((g) => g + 1);
    };
    // A fresh copy only after the discarded one's IndexedDB copy is gone.
    void discarding.current.then(() => {
      if (cancelled) return;
      const c: SectionCollab = new SectionCollab({
        sectionId, userId, user: { name: user.name, color: user.color, deptColor: user.deptColor }, initialState, serverUrl,
        onRefused: (r) => onRefused(c, r),
      });
      current = c;
      setCollab(c);
    });
    return () => {
      cancelled = true;
      setCollab(null);
      current?.destroy();
    };
    // A new session only for another section or account (or after a refusal); name/colour
    // changes need no reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sectionId, userId, serverUrl, generation]);
  const [fallback] = useState(() => idle(initialState));
  const snapshot = useSyncExternalStore(
    collab?.subscribe ?? noopSubscribe,
    collab?.getSnapshot ?? (() => fallback),
    () => fallback,
  );
  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return { collab, snapshot, refusal, dismissRefusal };
}

const noopSubscribe = () => () => {};
