/**
 * The live "your notifications changed" signal: after a transaction that wrote notifications
 * commits, the recipients' open browsers are told (the SSE stream,
 * app/api/notifications/stream) and re-read their unread count.
 *
 * In-process by default, on `globalThis` like lib/collab/bus.ts (Next's route modules and the
 * custom server load separate copies of this module). For several instances a relay (e.g. Redis
 * pub/sub) can be installed with `setNotificationsRelay`: `publish` then goes to the relay, and
 * the relay hands every message it receives (its own included) to `deliverNotificationsChanged`.
 * The signal carries account ids only, never content: a lost message costs a late badge (the
 * stream re-reads the count on its heartbeat), never a notification.
 */
import { EventEmitter } from "node:events";

/** Carries the signal between instances. */
export interface NotificationsRelay {
  publish(userIds: string[]): void;
}

interface LiveBus {
  events: EventEmitter;
  relay?: NotificationsRelay;
}

const KEY = Symbol.for("hegao.notify.live");

function bus(): LiveBus {
  const g = globalThis as { [KEY]?: LiveBus };
  g[KEY] ??= { events: new EventEmitter().setMaxListeners(0) };
  return g[KEY];
}

/** Tells every instance that these accounts' notifications changed (call after commit). */
export function publishNotificationsChanged(userIds: Iterable<string>): void {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const relay = bus().relay;
  if (relay) relay.publish(ids);
  else deliverNotificationsChanged(ids);
}

/** Hands a signal to this process's listeners (the relay calls it for every message it receives). */
export function deliverNotificationsChanged(userIds: string[]): void {
  bus().events.emit("changed", userIds);
}

/** Subscribes to the signal; returns the unsubscribe function. */
export function onNotificationsChanged(listener: (userIds: string[]) => void): () => void {
  bus().events.on("changed", listener);
  return () => bus().events.off("changed", listener);
}

/** Installs (or with undefined removes) the relay between instances. */
export function setNotificationsRelay(relay: NotificationsRelay | undefined): void {
  bus().relay = relay;
}
