/**
 * 飞书 自定义机器人: POST to the webhook URL (`https://open.feishu.cn/open-apis/bot/v2/hook/…`)
 * a rich-text message `{ msg_type: "post", content: { post: { zh_cn: { title, content } } } }`.
 * With 签名校验: string_to_sign = timestamp (seconds) + "\n" + secret, used as the HMAC-SHA256
 * KEY over an empty message, Base64; `timestamp` (a string) and `sign` go into the body. The
 * vendor rejects timestamps more than 1 h off. The answer is `{ code, msg }` (older: `StatusCode`);
 * code ≠ 0 is a failure (e.g. 19021 bad signature).
 */
import { createHmac } from "node:crypto";
import type { RobotPayload } from "../outbox/payload";
import { DeliveryError, postJson } from "./http";

/** 飞书's signature for `timestampSec` and `secret`. */
export function feishuSign(timestampSec: number, secret: string): string {
  return createHmac("sha256", `${timestampSec}\n${secret}`).update("").digest("base64");
}

/** The request body for `payload`, signed when the robot has a secret. */
export function feishuBody(payload: RobotPayload, secret: string | null, timestampSec: number): Record<string, unknown> {
  const lines = payload.text.split("\n").map((line) => [{ tag: "text", text: line }]);
  const content = { post: { zh_cn: { title: payload.title, content: [...lines, [{ tag: "a", text: "查看详情", href: payload.link }]] } } };
  const signed = secret ? { timestamp: String(timestampSec), sign: feishuSign(timestampSec, secret) } : {};
  return { ...signed, msg_type: "post", content };
}

/** @throws DeliveryError when the call fails or the answer's code ≠ 0. */
export async function sendFeishu(robot: { url: string; secret: string | null }, payload: RobotPayload, now = Date.now()): Promise<void> {
  const answer = await postJson(robot.url, feishuBody(payload, robot.secret, Math.floor(now / 1000)));
  const code = answer.code ?? answer.StatusCode;
  if (code !== 0) throw new DeliveryError(`飞书返回错误 ${String(code)}：${String(answer.msg ?? answer.StatusMessage ?? "")}`);
}
