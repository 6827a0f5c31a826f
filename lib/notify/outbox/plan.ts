/**
 * Plans the deliveries of freshly written notifications in the cause's transaction (the
 * transactional outbox): an e-mail per recipient who has an address, wants e-mail for the kind
 * and gets mail immediately (digest accounts get theirs from lib/notify/outbox/digest.ts), and
 * one message per matching enabled group-chat robot. Rows are unique by idempotency key
 * (`email:<notificationId>`, `robot:<robotId>:<first notification id>`), so planning twice
 * plans once. E-mail is planned only while SMTP is configured (`SMTP_URL`).
 */
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notificationDeliveries, robotWebhooks, sections, users, type Notification } from "@/db/schema";
import { mailConfigured } from "../channels/mail-config";
import type { NotificationEvent } from "../kinds";
import { wants } from "../preferences";
import { nudgeOutbox } from "./nudge";
import { renderEmail, renderRobot } from "./payload";

type NewDelivery = typeof notificationDeliveries.$inferInsert;

/** Inserts `notification_deliveries` rows for `rows` (the notifications `notify` just wrote). */
export async function planDeliveries(tx: Tx, event: NotificationEvent, rows: Notification[]): Promise<void> {
  if (rows.length === 0) return;
  const people = await tx
    .select({ id: users.id, name: users.displayName, email: users.email, mode: users.emailMode, prefs: users.notificationPrefs, disabled: users.disabled })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const planned: NewDelivery[] = [];
  if (mailConfigured()) {
    for (const row of rows) {
      const p = byId.get(row.userId);
      if (!p?.email || p.disabled || p.mode !== "immediate" || !wants({ notificationPrefs: p.prefs }, row.kind, "email")) continue;
      planned.push({
        channel: "email", target: p.email, notificationId: row.id, idempotencyKey: `email:${row.id}`,
        payload: renderEmail({ name: p.name, kind: row.kind, title: row.title, body: row.body, link: row.link }),
      });
    }
  }
  const first = rows[0];
  const names = rows.map((r) => byId.get(r.userId)?.name).filter((n): n is string => !!n);
  for (const robot of await matchingRobots(tx, event)) {
    planned.push({
      channel: robot.vendor, target: robot.id, notificationId: first.id, idempotencyKey: `robot:${robot.id}:${first.id}`,
      payload: renderRobot({ kind: first.kind, title: first.title, body: first.body, link: first.link, names }),
    });
  }
  if (planned.length === 0) return;
  await tx.insert(notificationDeliveries).values(planned).onConflictDoNothing({ target: notificationDeliveries.idempotencyKey });
  nudgeOutbox();
}

/**
 * Enabled robots whose scope covers the event: department (the event's, else the section's)
 * and report each either unset on the robot (any) or equal. Both unset: every event.
 */
async function matchingRobots(tx: Tx, event: NotificationEvent) {
  let departmentId = event.departmentId ?? null;
  if (!departmentId && event.sectionId) {
    const [s] = await tx.select({ departmentId: sections.departmentId }).from(sections).where(eq(sections.id, event.sectionId));
    departmentId = s?.departmentId ?? null;
  }
  return tx
    .select({ id: robotWebhooks.id, vendor: robotWebhooks.vendor })
    .from(robotWebhooks)
    .where(and(
      eq(robotWebhooks.enabled, true),
      departmentId ? or(isNull(robotWebhooks.departmentId), eq(robotWebhooks.departmentId, departmentId)) : isNull(robotWebhooks.departmentId),
      or(isNull(robotWebhooks.reportId), eq(robotWebhooks.reportId, event.reportId)),
    ));
}
