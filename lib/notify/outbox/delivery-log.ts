/**
 * The delivery log of /admin/deliveries: outbox rows newest first with their status, attempts,
 * next attempt and last error, and the admin's 重试 (retry now). Admin only.
 */
import { and, desc, eq, ne, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationDeliveries as nd, robotWebhooks } from "@/db/schema";
import { notFound, refused } from "@/lib/errors";
import { assertAdmin, type Principal } from "@/lib/policy";
import { nudgeOutbox } from "./nudge";

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One row of the log; `to` is the address or the robot's name. */
export interface DeliveryView {
  id: string;
  channel: "email" | "wecom" | "dingtalk" | "feishu";
  to: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/**
 * @param status only rows with this status (omitted: all)
 * @param limit at most this many rows (newest first)
 * @throws AppError forbidden
 */
export async function listDeliveries(db: DbOrTx, input: { actor: Principal; status?: DeliveryStatus; limit?: number }): Promise<DeliveryView[]> {
  assertAdmin(input.actor);
  const where: SQL | undefined = input.status ? eq(nd.status, input.status) : undefined;
  const rows = await db
    .select({ d: nd, robot: robotWebhooks.name })
    .from(nd)
    .leftJoin(robotWebhooks, and(ne(nd.channel, "email"), eq(robotWebhooks.id, nd.target)))
    .where(where)
    .orderBy(desc(nd.createdAt))
    .limit(input.limit ?? 200);
  return rows.map(({ d, robot }) => ({
    id: d.id, channel: d.channel, to: d.channel === "email" ? d.target : (robot ?? "（已删除的机器人）"),
    subject: String(d.payload.subject ?? d.payload.title ?? ""), status: d.status, attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(), lastError: d.lastError, sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
}

/**
 * 重试: a pending row is due now; a failed one starts a fresh round of attempts. A sent row is
 * refused (it would reach people twice). The lease is left alone: a row being sent right now
 * is not claimed a second time.
 * @throws AppError forbidden, not_found, refused (already sent)
 */
export async function retryDelivery(db: DbOrTx, input: { actor: Principal; id: string; now?: Date }): Promise<void> {
  assertAdmin(input.actor);
  const [row] = await db.select({ status: nd.status }).from(nd).where(eq(nd.id, input.id));
  if (!row) throw notFound("发送记录");
  if (row.status === "sent") throw refused("该消息已发送，不会重复发送");
  const fresh = row.status === "failed" ? { attempts: 0 } : {};
  await db.update(nd)
    .set({ status: "pending", nextAttemptAt: input.now ?? new Date(), ...fresh })
    .where(and(eq(nd.id, input.id), ne(nd.status, "sent")));
  nudgeOutbox();
}
