"use client";
/**
 * React hook: one SectionCollab per mounted editor (created in an effect, destroyed on
 * unmount, so strict mode's double effects and navigation never leak a socket).
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { SectionCollab, type CollabSnapshot, type SectionCollabOptions } from "./section-collab";

const idle = (initialState: string): CollabSnapshot => ({ status: "connecting", state: initialState, writable: false, ready: false, peers: [], signedOut: false });

/** The section's collaboration session (null until created) and its current snapshot. */
export function useSectionCollab(opts: SectionCollabOptions): { collab: SectionCollab | null; snapshot: CollabSnapshot } {
  const [collab, setCollab] = useState<SectionCollab | null>(null);
  const { sectionId, userId, user, initialState, serverUrl } = opts;
  useEffect(() => {
    const c = new SectionCollab({ sectionId, userId, user: { name: user.name, color: user.color, deptColor: user.deptColor }, initialState, serverUrl });
    setCollab(c);
    return () => {
      setCollab(null);
      c.destroy();
    };
    // A new session only for another section or account; name/colour changes need no reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sectionId, userId, serverUrl]);
  const [fallback] = useState(() => idle(initialState));
  const snapshot = useSyncExternalStore(
    collab?.subscribe ?? noopSubscribe,
    collab?.getSnapshot ?? (() => fallback),
    () => fallback,
  );
  return { collab, snapshot };
}

const noopSubscribe = () => () => {};
