/**
 * Sends one outbox row by its channel: e-mail to `target`, or a group-chat message through the
 * robot whose id is `target` (read now, so an edited URL or secret applies to retries).
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { robotWebhooks, type NotificationDelivery } from "@/db/schema";
import { emailPayloadSchema, robotPayloadSchema } from "../outbox/payload";
import { sendDingtalk } from "./dingtalk";
import { sendEmail } from "./email";
import { sendFeishu } from "./feishu";
import { DeliveryError } from "./http";
import { sendWecom } from "./wecom";

/**
 * @param now the clock (ms) used for 钉钉 / 飞书 signature timestamps
 * @throws DeliveryError (permanent for a bad payload or a deleted / disabled robot)
 */
export async function sendDelivery(db: DbOrTx, row: NotificationDelivery, now = Date.now()): Promise<void> {
  if (row.channel === "email") {
    const payload = emailPayloadSchema.safeParse(row.payload);
    if (!payload.success) throw new DeliveryError("邮件内容无效", true);
    return sendEmail(row.target, payload.data, row.idempotencyKey);
  }
  const payload = robotPayloadSchema.safeParse(row.payload);
  if (!payload.success) throw new DeliveryError("机器人消息内容无效", true);
  const [robot] = await db.select().from(robotWebhooks).where(eq(robotWebhooks.id, row.target));
  if (!robot) throw new DeliveryError("机器人已被删除", true);
  if (!robot.enabled) throw new DeliveryError("机器人已停用", true);
  if (robot.vendor !== row.channel) throw new DeliveryError("机器人类型已更改", true);
  switch (robot.vendor) {
    case "wecom":
      return sendWecom(robot, payload.data);
    case "dingtalk":
      return sendDingtalk(robot, payload.data, now);
    case "feishu":
      return sendFeishu(robot, payload.data, now);
  }
}
