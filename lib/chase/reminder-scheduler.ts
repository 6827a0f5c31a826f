/**
 * The deadline-reminder scheduler of the server process: runs `runDeadlineReminders` at start
 * (catching up after a downtime) and then every `intervalMs` (default 10 minutes). Runs never
 * overlap; a failed run is logged and retried at the next tick. The clock is injected, so tests
 * move time instead of waiting. Restarts are safe: reminders are deduplicated in the database.
 */
import type { Db } from "@/db/client";
import { runDeadlineReminders, type ReminderRun } from "./deadline-reminders";

export const REMINDER_INTERVAL_MS = 10 * 60_000;

export interface ReminderSchedulerOptions {
  /** The database (resolved on each run). */
  db: () => Promise<Db>;
  /** The clock; default `new Date()`. */
  now?: () => Date;
  /** Milliseconds between runs; default 10 minutes. */
  intervalMs?: number;
  /** Where failures are reported; default console.error. */
  onError?: (err: unknown) => void;
}

export interface ReminderScheduler {
  /** Runs now (waits for a run in progress first); resolves with the run's counts. */
  runNow(): Promise<ReminderRun>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Starts the scheduler; its first run begins at once. */
export function startReminderScheduler(opts: ReminderSchedulerOptions): ReminderScheduler {
  const now = opts.now ?? (() => new Date());
  const onError = opts.onError ?? ((err: unknown) => console.error("[hegao] deadline reminders failed", err));
  // Runs are chained, so two never overlap (a tick during a slow run waits for it).
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const run = (): Promise<ReminderRun> => {
    const next = chain.then(async () => runDeadlineReminders(await opts.db(), now()));
    chain = next.catch(() => undefined);
    return next;
  };
  const tick = () => {
    if (!stopped) run().catch(onError);
  };
  const timer = setInterval(tick, opts.intervalMs ?? REMINDER_INTERVAL_MS);
  timer.unref?.();
  tick();

  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await chain;
    },
  };
}
