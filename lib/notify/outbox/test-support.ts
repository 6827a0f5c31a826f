/**
 * Test doubles that speak the real protocols: an SMTP server (`smtp-server`) that parses every
 * accepted mail with `mailparser`, and an HTTP receiver for robot webhooks that verifies
 * 钉钉 / 飞书 signatures the way the vendors document them and answers like the vendor.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail { to: string[]; subject: string; text: string; messageId?: string }

/** A local SMTP server (no TLS, any or no auth) collecting parsed mails. */
export async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"], authOptional: true, logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: "test" }),
    onData(stream, session, cb) {
      simpleParser(stream).then((m) => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: m.subject ?? "", text: m.text ?? "", messageId: m.messageId });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://u:p@127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

export interface ReceivedCall { path: string; query: URLSearchParams; body: Record<string, unknown> }

/**
 * An HTTP receiver. `/dingtalk?...&timestamp&sign` checks 钉钉's 加签 (HMAC-SHA256 keyed with
 * the secret over `timestamp + "\n" + secret`, Base64, URL-encoded); `/feishu` checks 飞书's
 * (HMAC-SHA256 keyed with `timestamp + "\n" + secret` over an empty message, Base64);
 * `/wecom` checks the markdown msgtype. `failFirst` answers HTTP 500 that many times.
 */
export async function startReceiver(opts: { secret: string; failFirst?: number; vendorError?: boolean }) {
  const calls: ReceivedCall[] = [];
  let failures = opts.failFirst ?? 0;
  let attempts = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      attempts++;
      const url = new URL(req.url ?? "/", "http://x");
      const reply = (status: number, json: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(json));
      if (failures > 0) {
        failures--;
        return reply(500, { error: "busy" });
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      if (url.pathname.startsWith("/dingtalk")) {
        const ts = url.searchParams.get("timestamp") ?? "";
        const expected = createHmac("sha256", opts.secret).update(`${ts}\n${opts.secret}`).digest("base64");
        const okSign = url.searchParams.get("sign") === expected && Math.abs(Date.now() - Number(ts)) < 3600_000;
        const okBody = body.msgtype === "markdown" && typeof (body.markdown as { text?: unknown })?.text === "string";
        if (!okSign || !okBody || opts.vendorError) return reply(200, { errcode: 310000, errmsg: "sign not match" });
        calls.push({ path: url.pathname, query: url.searchParams, body });
        return reply(200, { errcode: 0, errmsg: "ok" });
      }
      if (url.pathname.startsWith("/feishu")) {
        const expected = createHmac("sha256", `${body.timestamp}\n${opts.secret}`).update("").digest("base64");
        const okSign = body.sign === expected && Math.abs(Date.now() / 1000 - Number(body.timestamp)) < 3600;
        if (!okSign || body.msg_type !== "post" || opts.vendorError) return reply(200, { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" });
        calls.push({ path: url.pathname, query: url.searchParams, body });
        return reply(200, { code: 0, msg: "success", data: {} });
      }
      const okWecom = body.msgtype === "markdown" && typeof (body.markdown as { content?: unknown })?.content === "string";
      if (!okWecom || opts.vendorError) return reply(200, { errcode: 40008, errmsg: "invalid message type" });
      calls.push({ path: url.pathname, query: url.searchParams, body });
      return reply(200, { errcode: 0, errmsg: "ok" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, calls, attempts: () => attempts,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
