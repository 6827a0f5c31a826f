/**
 * Recipients of a notification event. PLACEHOLDER until the rules table lands: only the accounts
 * named explicitly (`event.userIds`). The real version maps each kind to rules (stage approvers,
 * the section's department editors, the department lead, everyone involved in the report…).
 */
import type { Tx } from "@/db/client";
import type { NotificationEvent } from "./kinds";

/** @returns distinct user ids (the actor is removed by `notify`). */
export async function resolveRecipients(_tx: Tx, event: NotificationEvent): Promise<string[]> {
  return [...new Set(event.userIds ?? [])];
}
