/**
 * 钉钉 自定义机器人: POST `{ msgtype: "markdown", markdown: { title, text } }` to the webhook URL
 * (`https://oapi.dingtalk.com/robot/send?access_token=…`). With 加签 (a secret `SEC…`):
 * string_to_sign = timestamp (ms) + "\n" + secret, HMAC-SHA256 keyed with the secret, Base64,
 * then URL-encoded, appended as `&timestamp=…&sign=…` (the vendor allows a 1 h clock skew).
 * The answer is `{ errcode, errmsg }`; errcode ≠ 0 is a failure (e.g. 310000 bad signature).
 */
import { createHmac } from "node:crypto";
import type { RobotPayload } from "../outbox/payload";
import { DeliveryError, postJson } from "./http";

/** 钉钉's signature of `timestampMs` with `secret` (Base64, not yet URL-encoded). */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

/** The webhook URL with `timestamp` and `sign` when the robot has a secret. */
export function dingtalkUrl(url: string, secret: string | null, timestampMs: number): string {
  if (!secret) return url;
  const sep = url.includes("?") ? "&" : "?";
  return `${url}${sep}timestamp=${timestampMs}&sign=${encodeURIComponent(dingtalkSign(timestampMs, secret))}`;
}

/** @throws DeliveryError when the call fails or errcode ≠ 0. */
export async function sendDingtalk(robot: { url: string; secret: string | null }, payload: RobotPayload, now = Date.now()): Promise<void> {
  const body = { msgtype: "markdown", markdown: { title: payload.title, text: payload.markdown } };
  const answer = await postJson(dingtalkUrl(robot.url, robot.secret, now), body);
  if (answer.errcode !== 0) throw new DeliveryError(`钉钉返回错误 ${String(answer.errcode)}：${String(answer.errmsg ?? "")}`);
}
