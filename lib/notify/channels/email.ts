/**
 * E-mail through SMTP with nodemailer. `SMTP_URL=smtp://user:pass@host:port` (smtps:// for
 * implicit TLS; nodemailer's URL options such as `?tls.rejectUnauthorized=false` apply) and
 * `MAIL_FROM` (default: the SMTP user when it is an address, else `noreply@localhost`). Off
 * when `SMTP_URL` is unset: then no e-mail is planned at all.
 *
 * Every phase has a timeout (connect, greeting, each socket read), so an unreachable or silent
 * server costs the background worker at most that long and never blocks a request.
 */
import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type { EmailPayload } from "../outbox/payload";
import { DeliveryError } from "./http";

/** The sender address: `MAIL_FROM`, else the SMTP user if it is an address, else noreply@localhost. */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MAIL_FROM?.trim()) return env.MAIL_FROM.trim();
  try {
    const user = decodeURIComponent(new URL(env.SMTP_URL ?? "").username);
    if (user.includes("@")) return `"合稿" <${user}>`;
  } catch {
    /* fall through */
  }
  return `"合稿" <noreply@localhost>`;
}

let cached: { url: string; transport: Transporter } | null = null;

/** One pooled-free transport per SMTP_URL (recreated when the variable changes, e.g. in tests). */
function transport(url: string): Transporter {
  if (cached?.url === url) return cached.transport;
  const timeout = Number(process.env.HEGAO_SMTP_TIMEOUT_MS) || 10_000;
  cached = {
    url,
    // Parsed here: given `{ url }`, createTransport would ignore every other option (the timeouts).
    transport: nodemailer.createTransport({
      ...parseConnectionUrl(url), connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 3, dnsTimeout: timeout,
    }),
  };
  return cached.transport;
}

/**
 * Sends one mail (`idempotencyKey`: the outbox row's key, which fixes its Message-ID).
 * @throws DeliveryError when SMTP is not configured (permanent), the server is unreachable or
 *   times out, or it refuses the message (a 5xx answer is permanent: retrying will not help).
 */
export async function sendEmail(to: string, payload: EmailPayload, idempotencyKey: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = env.SMTP_URL?.trim();
  if (!url) throw new DeliveryError("未配置邮件服务器（SMTP_URL）", true);
  try {
    // A Message-ID derived from the idempotency key: should a crash make us send a mail twice,
    // mail systems that de-duplicate by Message-ID show it once.
    const messageId = `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@hegao.outbox>`;
    await transport(url).sendMail({ from: mailFrom(env), to, subject: payload.subject, text: payload.text, messageId });
  } catch (err) {
    const e = err as Error & { responseCode?: number; code?: string };
    const permanent = typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
    throw new DeliveryError(`邮件发送失败：${e.code ? `${e.code} ` : ""}${e.message}`.slice(0, 500), permanent);
  }
}
