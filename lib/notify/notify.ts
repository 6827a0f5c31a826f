/**
 * `notify(tx, event)`: writes the in-app notifications of one event, one row per recipient, in
 * the caller's transaction (the cause and its notifications commit together: a transactional
 * outbox), and plans their e-mail / robot deliveries in the same transaction
 * (lib/notify/outbox/plan.ts). Delivery itself happens after commit, in the background worker.
 * Run the cause in `notifyingTransaction` (./commit.ts) so open browsers hear of it after commit.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notifications, type Notification } from "@/db/schema";
import { recordNotified } from "./commit";
import type { NotificationEvent } from "./kinds";
import { planDeliveries } from "./outbox/plan";
import { resolveRecipients } from "./recipients";

/**
 * @param tx the transaction of the cause (a transition, a comment, a 催报, a reminder run)
 * @returns the notification rows written (a recipient whose dedupeKey row exists is skipped)
 */
export async function notify(tx: Tx, event: NotificationEvent): Promise<Notification[]> {
  const recipients = (await resolveRecipients(tx, event)).filter((id) => id !== event.actorId);
  if (recipients.length === 0) return [];
  const link = event.link ?? (event.sectionId ? `/sections/${event.sectionId}` : `/reports/${event.reportId}`);
  const rows = await tx
    .insert(notifications)
    .values(recipients.map((userId) => ({
      userId, kind: event.kind, reportId: event.reportId, sectionId: event.sectionId ?? null,
      commentId: event.commentId ?? null, actorId: event.actorId ?? null, title: event.title,
      body: event.body ?? "", link, dedupeKey: event.dedupeKey ?? null,
    })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey], where: sql`dedupe_key is not null` })
    .returning();
  recordNotified(tx, rows.map((r) => r.userId));
  await planDeliveries(tx, event, rows);
  return rows;
}
