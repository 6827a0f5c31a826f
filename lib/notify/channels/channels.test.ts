/**
 * The robot channels' wire format and their reading of vendor answers: 加签 / 签名 only with a
 * secret, 企业微信's 4096-byte markdown limit, and a 200 answer carrying a vendor error code
 * counted as a failure (the message would otherwise be lost silently).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver } from "../outbox/test-support";
import { dingtalkSign, dingtalkUrl, sendDingtalk } from "./dingtalk";
import { feishuBody, feishuSign, sendFeishu } from "./feishu";
import { DeliveryError, postJson } from "./http";
import { sendWecom, truncateBytes, wecomBody } from "./wecom";

const payload = { title: "【合稿】催报", markdown: "**【合稿】催报**\n\n请尽快提交", text: "请尽快提交", link: "https://hegao.example.cn/reports/r1" };

describe("robot request formats", () => {
  it("signs 钉钉 in the URL only when the robot has a secret", () => {
    expect(dingtalkUrl("https://oapi.dingtalk.com/robot/send?access_token=t", null, 1)).toBe("https://oapi.dingtalk.com/robot/send?access_token=t");
    const signed = new URL(dingtalkUrl("https://x.test/send", "SECabc", 1700000000000));
    expect(signed.searchParams.get("timestamp")).toBe("1700000000000");
    expect(signed.searchParams.get("sign")).toBe(dingtalkSign(1700000000000, "SECabc"));
    expect(dingtalkSign(1700000000000, "SECabc")).not.toBe(dingtalkSign(1700000000001, "SECabc"));
  });

  it("puts 飞书's timestamp (seconds, a string) and sign in the body only with a secret", () => {
    expect(feishuBody(payload, null, 1700000000)).not.toHaveProperty("sign");
    const body = feishuBody(payload, "s3cret", 1700000000);
    expect(body).toMatchObject({ timestamp: "1700000000", sign: feishuSign(1700000000, "s3cret"), msg_type: "post" });
    expect(JSON.stringify(body)).toContain(payload.link);
  });

  it("cuts 企业微信 markdown to 4096 bytes on a character boundary", () => {
    const long = { ...payload, markdown: "汉".repeat(3000) };
    const content = wecomBody(long).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith("汉…")).toBe(true);
    expect(truncateBytes("短", 4096)).toBe("短");
  });
});

describe("vendor answers", () => {
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    rx = await startReceiver({ secret: "SECx", vendorError: true });
  });
  afterAll(() => rx.close());

  it("counts HTTP 200 with errcode / code ≠ 0 as a failure, with the vendor's message", async () => {
    await expect(sendWecom({ url: `${rx.url}/wecom` }, payload)).rejects.toThrow("企业微信返回错误 40008：invalid message type");
    await expect(sendDingtalk({ url: `${rx.url}/dingtalk?access_token=t`, secret: "SECx" }, payload)).rejects.toThrow("钉钉返回错误 310000");
    await expect(sendFeishu({ url: `${rx.url}/feishu`, secret: "SECx" }, payload)).rejects.toThrow("飞书返回错误 19021");
  });

  it("fails clearly on a refused connection and on a non-JSON answer", async () => {
    const err = await postJson("http://127.0.0.1:1/hook", {}).catch((e) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err.message).toContain("无法连接机器人地址");
    const text = http.createServer((_req, res) => res.end("OK"));
    await new Promise<void>((r) => text.listen(0, "127.0.0.1", r));
    try {
      await expect(postJson(`http://127.0.0.1:${(text.address() as AddressInfo).port}/`, {})).rejects.toThrow("机器人地址的应答不是 JSON：OK");
    } finally {
      text.close();
    }
  });
});
