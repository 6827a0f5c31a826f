/**
 * 发送测试消息: sends one message through a robot right away (not through the outbox), so the
 * admin sees at once whether the URL and the secret are right. Bounded by the webhook timeout.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { robotWebhooks } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { assertAdmin, type Principal } from "@/lib/policy";
import { sendDingtalk } from "../channels/dingtalk";
import { sendFeishu } from "../channels/feishu";
import { DeliveryError } from "../channels/http";
import { sendWecom } from "../channels/wecom";
import { absoluteLink } from "../outbox/app-url";
import { renderRobot } from "../outbox/payload";

/**
 * @throws AppError forbidden, not_found, refused (the vendor's or the network's error, in Chinese)
 */
export async function sendRobotTest(db: DbOrTx, input: { actor: Principal; id: string }): Promise<void> {
  assertAdmin(input.actor);
  const [robot] = await db.select().from(robotWebhooks).where(eq(robotWebhooks.id, input.id));
  if (!robot) throw notFound("机器人");
  const message = renderRobot({
    kind: "test", label: "测试消息", title: `这是一条来自合稿的测试消息（${robot.name}）`, body: "收到即表示机器人配置正确。", link: absoluteLink("/"), names: [],
  });
  try {
    if (robot.vendor === "wecom") await sendWecom(robot, message);
    else if (robot.vendor === "dingtalk") await sendDingtalk(robot, message);
    else await sendFeishu(robot, message);
  } catch (err) {
    if (err instanceof DeliveryError) throw new AppError("refused", `发送失败：${err.message}`);
    throw err;
  }
}
