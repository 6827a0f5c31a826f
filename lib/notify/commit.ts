/**
 * Publishing after commit: `notify(tx, …)` records its recipients on the transaction, and
 * `notifyingTransaction` (a drop-in for `db.transaction`) tells their browsers once the
 * transaction has committed (lib/notify/live.ts) — never before, so a rolled-back cause never
 * rings a bell, and the browser that re-reads the count sees the new rows.
 */
import type { Db, Tx } from "@/db/client";
import { publishNotificationsChanged } from "./live";

const notified = new WeakMap<Tx, Set<string>>();

/** Remembers that `tx` wrote notifications for `userIds` (called by `notify`). */
export function recordNotified(tx: Tx, userIds: Iterable<string>): void {
  const set = notified.get(tx) ?? new Set<string>();
  for (const id of userIds) set.add(id);
  notified.set(tx, set);
}

/**
 * Runs `fn` in one transaction; after it commits, publishes "notifications changed" for every
 * account `notify` wrote to inside it. A failed transaction publishes nothing.
 * @throws whatever `fn` or the commit throws
 */
export async function notifyingTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let used: Tx | undefined;
  const result = await db.transaction((tx) => {
    used = tx;
    return fn(tx);
  });
  const ids = used && notified.get(used);
  if (ids?.size) publishNotificationsChanged(ids);
  return result;
}
