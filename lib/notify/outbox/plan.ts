/**
 * Plans the deliveries of freshly written notifications in the cause's transaction: an e-mail per
 * recipient who wants one now, a message per matching group-chat robot. PLACEHOLDER until the
 * outbox lands: plans nothing.
 */
import type { Tx } from "@/db/client";
import type { Notification } from "@/db/schema";
import type { NotificationEvent } from "../kinds";

/** Inserts `notification_deliveries` rows (idempotency key per notification/event and channel). */
export async function planDeliveries(_tx: Tx, _event: NotificationEvent, _rows: Notification[]): Promise<void> {}
