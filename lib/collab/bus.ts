/**
 * In-process bus between the domain (review commands, outline changes) and the collaboration
 * server. Kept on `globalThis` because Next's route modules and the custom server load separate
 * copies of this module in one process.
 *
 * - `publishSectionState` is called after a review transition commits: open editors turn
 *   read-only (in_review, approved) or writable (draft, changes_requested) at once.
 * - `publishAccessChange` is called after anything that may change who may write a section
 *   commits (account disabled / role or department changed, section reassigned or deleted):
 *   the collaboration server re-decides every affected connection from the database.
 * - `publishReloadSection` is called after a section's update log was replaced (an admin restored
 *   an unreadable section): its room drops its in-memory document unsaved and closes its
 *   connections, so the next open loads the restored log.
 * - `flushSection` asks the collaboration server to write a room's pending updates to the
 *   database before a version is frozen; a no-op when no collaboration server runs (CLI, tests).
 * - `holdSection` does the same and also holds the room's incoming edits (queued, not lost)
 *   until released, so that nothing is applied between freezing the text and publishing the
 *   new state: edits that arrive meanwhile are then refused, never silently left out.
 * - `editSectionLive` applies a server-side edit (restoring an earlier version) to the section's
 *   room as an ordinary change: broadcast to every open editor, persisted, no connection closed.
 *
 * Several instances (cluster mode, lib/collab/server/fanout/redis.ts): a relay installed with
 * `setBusRelay` also carries state, access and reload events to the other instances, which hand
 * them to their own listeners with `deliverBusEvent`; the hold registered by the collaboration
 * server then holds the section's room on every instance.
 */
import { EventEmitter } from "node:events";
import type * as Y from "yjs";
import type { SectionState } from "@/db/schema";

export interface SectionStateChange {
  sectionId: string;
  state: SectionState;
}

/**
 * Something changed that may alter who may read or write sections. The collaboration server
 * reloads the named accounts and sections from the database and re-authorises their open
 * connections through the policy (lib/policy.ts); `deletedSectionIds` rooms are closed (4404).
 */
export interface AccessChange {
  userIds?: string[];
  sectionIds?: string[];
  deletedSectionIds?: string[];
}

/** A change the server makes to a section's document (inside one Yjs transaction). */
export type SectionEdit = (doc: Y.Doc) => void;

/** The events that cross instances, by name. */
export interface BusEvents {
  state: SectionStateChange;
  access: AccessChange;
  reload: string;
}

/** Carries bus events to the other instances (cluster mode). */
export interface BusRelay {
  publish<K extends keyof BusEvents>(kind: K, payload: BusEvents[K]): void;
}

interface Bus {
  events: EventEmitter;
  relay?: BusRelay;
  flush?: (sectionId: string) => Promise<void>;
  hold?: (sectionId: string) => Promise<() => void>;
  edit?: (sectionId: string, edit: SectionEdit) => Promise<void>;
}

const KEY = Symbol.for("hegao.collab.bus");

function bus(): Bus {
  const g = globalThis as { [KEY]?: Bus };
  g[KEY] ??= { events: new EventEmitter().setMaxListeners(0) };
  return g[KEY];
}

/** Emits an event to this process's listeners and, in cluster mode, to the other instances. */
function emit<K extends keyof BusEvents>(kind: K, payload: BusEvents[K]): void {
  bus().events.emit(kind, payload);
  bus().relay?.publish(kind, payload);
}

/** Hands an event from another instance to this process's listeners (the relay calls it). */
export function deliverBusEvent<K extends keyof BusEvents>(kind: K, payload: BusEvents[K]): void {
  bus().events.emit(kind, payload);
}

/** Installs (or with undefined removes) the relay to the other instances. */
export function setBusRelay(relay: BusRelay | undefined): void {
  bus().relay = relay;
}

/** Tells the collaboration server that a section's review state changed. */
export function publishSectionState(change: SectionStateChange): void {
  emit("state", change);
}

/** Subscribes to section state changes; returns the unsubscribe function. */
export function onSectionState(listener: (change: SectionStateChange) => void): () => void {
  bus().events.on("state", listener);
  return () => bus().events.off("state", listener);
}

/** Tells the collaboration server that access to some sections or of some accounts changed. */
export function publishAccessChange(change: AccessChange): void {
  emit("access", change);
}

/** Subscribes to access changes; returns the unsubscribe function. */
export function onAccessChange(listener: (change: AccessChange) => void): () => void {
  bus().events.on("access", listener);
  return () => bus().events.off("access", listener);
}

/** Tells the collaboration server that a section's stored log was replaced under its room. */
export function publishReloadSection(sectionId: string): void {
  emit("reload", sectionId);
}

/** Subscribes to log replacements; returns the unsubscribe function. */
export function onReloadSection(listener: (sectionId: string) => void): () => void {
  bus().events.on("reload", listener);
  return () => bus().events.off("reload", listener);
}

/** Registers the collaboration server's flush (one per process). */
export function registerFlush(flush: (sectionId: string) => Promise<void>): void {
  bus().flush = flush;
}

/** Writes a section's pending (unsaved) updates to the database, if a collaboration server runs. */
export async function flushSection(sectionId: string): Promise<void> {
  await bus().flush?.(sectionId);
}

/** Registers the collaboration server's hold (one per process). */
export function registerHold(hold: (sectionId: string) => Promise<() => void>): void {
  bus().hold = hold;
}

/**
 * Holds a section's incoming edits and writes its pending ones; resolves with the release
 * function (call it once the new state is published, also on failure). Without a registered
 * hold it only flushes (`flushSection`) and the release does nothing.
 */
export async function holdSection(sectionId: string): Promise<() => void> {
  const hold = bus().hold;
  if (hold) return hold(sectionId);
  await flushSection(sectionId);
  return () => {};
}

/** Registers the collaboration server's live edit (one per process). */
export function registerEdit(edit: (sectionId: string, edit: SectionEdit) => Promise<void>): void {
  bus().edit = edit;
}

/**
 * Applies `edit` through the section's collaboration room (loaded for it when nobody has it
 * open) and resolves once the change is written to the database. Resolves false when no
 * collaboration server runs in this process (CLI, tests): the caller writes the log itself.
 * @throws when the room cannot be loaded or the write fails.
 */
export async function editSectionLive(sectionId: string, edit: SectionEdit): Promise<boolean> {
  const live = bus().edit;
  if (!live) return false;
  await live(sectionId, edit);
  return true;
}
