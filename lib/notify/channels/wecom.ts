/**
 * 企业微信 群机器人: POST `{ msgtype: "markdown", markdown: { content } }` to the robot's webhook
 * URL (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`). The answer is
 * `{ errcode, errmsg }`; errcode ≠ 0 (even with HTTP 200) is a failure. Markdown content is
 * limited to 4096 bytes by the vendor.
 */
import type { RobotPayload } from "../outbox/payload";
import { DeliveryError, postJson } from "./http";

const MAX_BYTES = 4096;

/** The request body for `payload`. */
export function wecomBody(payload: RobotPayload): { msgtype: "markdown"; markdown: { content: string } } {
  return { msgtype: "markdown", markdown: { content: truncateBytes(payload.markdown, MAX_BYTES) } };
}

/** @throws DeliveryError when the call fails or errcode ≠ 0. */
export async function sendWecom(robot: { url: string }, payload: RobotPayload): Promise<void> {
  const answer = await postJson(robot.url, wecomBody(payload));
  if (answer.errcode !== 0) throw new DeliveryError(`企业微信返回错误 ${String(answer.errcode)}：${String(answer.errmsg ?? "")}`);
}

/** `text` cut to at most `max` UTF-8 bytes on a character boundary. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch + "…") > max) break;
    out += ch;
  }
  return `${out}…`;
}
