/**
 * Wakes the outbox worker soon after something was planned. The worker may live in another
 * module graph (server.ts vs Next's route bundles), so the hook sits on `globalThis`. The nudge
 * comes before the planning transaction commits; the worker waits a moment and, should it
 * still find nothing, its 1 s poll picks the rows up.
 */
const KEY = Symbol.for("hegao.outbox.nudge");
type Holder = { [KEY]?: () => void };

/** Registers the running worker's wake-up (null: none). */
export function setOutboxNudge(fn: (() => void) | null): void {
  const holder = globalThis as Holder;
  if (fn) holder[KEY] = fn;
  else delete holder[KEY];
}

/** Asks the running worker (if any) to look for due deliveries shortly. */
export function nudgeOutbox(): void {
  (globalThis as Holder)[KEY]?.();
}
