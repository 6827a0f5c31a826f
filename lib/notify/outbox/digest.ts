/**
 * Daily digests for accounts with `email_mode = "digest"`: one mail a day at `HEGAO_DIGEST_AT`
 * (default 09:00, Asia/Shanghai: UTC+8 all year, no daylight saving) listing the notifications
 * they want by e-mail since their previous digest, up to the digest time.
 *
 * The outbox row's idempotency key `digest:<userId>:<yyyy-mm-dd>` makes a day's digest a single
 * row however often this runs (every 30 s, and at start, which catches up a digest missed while
 * the server was down: the latest digest time not after now is always the one planned).
 * Nothing is sent for a day without notifications.
 */
import { and, asc, desc, eq, gt, isNotNull, like, lte } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { notificationDeliveries, notifications, users } from "@/db/schema";
import { mailConfigured } from "../channels/mail-config";
import { absoluteLink } from "./app-url";
import { wants } from "../preferences";
import { SUBJECT_PREFIX, kindLabel, type EmailPayload } from "./payload";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const MAX_LINES = 100;
const digestAtSchema = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "HEGAO_DIGEST_AT 必须是 HH:MM");

/**
 * The latest digest time not after `now`, and its Shanghai calendar date.
 * @param at `HH:MM` (Asia/Shanghai) @throws ZodError when `at` is malformed
 */
export function digestSlot(now: Date, at = "09:00"): { date: string; at: Date } {
  const [hh, mm] = digestAtSchema.parse(at).split(":").map(Number);
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  let slot = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hh, mm) - SHANGHAI_OFFSET_MS;
  if (slot > now.getTime()) slot -= 24 * 3600_000;
  return { date: new Date(slot + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10), at: new Date(slot) };
}

/**
 * Plans the current slot's digest of every digest account that has none yet.
 * @param digestAt HEGAO_DIGEST_AT (default from the environment, else 09:00)
 * @returns how many digests were planned
 */
export async function planDigests(db: DbOrTx, opts: { now: Date; digestAt?: string }): Promise<number> {
  if (!mailConfigured()) return 0;
  const slot = digestSlot(opts.now, opts.digestAt ?? (process.env.HEGAO_DIGEST_AT || "09:00"));
  const people = await db
    .select({ id: users.id, name: users.displayName, email: users.email, prefs: users.notificationPrefs })
    .from(users)
    .where(and(eq(users.emailMode, "digest"), isNotNull(users.email), eq(users.disabled, false)));
  let planned = 0;
  for (const p of people) {
    const prefix = `digest:${p.id}:`;
    const [last] = await db
      .select({ key: notificationDeliveries.idempotencyKey, payload: notificationDeliveries.payload })
      .from(notificationDeliveries)
      .where(like(notificationDeliveries.idempotencyKey, `${prefix}%`))
      .orderBy(desc(notificationDeliveries.idempotencyKey)) // same prefix: the latest date sorts last
      .limit(1);
    if (last?.key === `${prefix}${slot.date}`) continue;
    const until = typeof last?.payload.until === "string" ? new Date(last.payload.until) : new Date(slot.at.getTime() - 24 * 3600_000);
    const items = (await db
      .select({ kind: notifications.kind, title: notifications.title, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.userId, p.id), gt(notifications.createdAt, until), lte(notifications.createdAt, slot.at)))
      .orderBy(asc(notifications.createdAt))).filter((n) => wants({ notificationPrefs: p.prefs }, n.kind, "email"));
    if (items.length === 0) continue;
    const rows = await db.insert(notificationDeliveries).values({
      channel: "email", target: p.email!, idempotencyKey: `${prefix}${slot.date}`,
      payload: { ...renderDigest(p.name, slot.date, items), until: slot.at.toISOString() },
    }).onConflictDoNothing({ target: notificationDeliveries.idempotencyKey }).returning({ id: notificationDeliveries.id });
    planned += rows.length;
  }
  return planned;
}

/** The digest mail: one line per notification (kind, title, absolute link). */
function renderDigest(name: string, date: string, items: { kind: string; title: string; link: string }[]): EmailPayload {
  const lines = items.slice(0, MAX_LINES).map((n, i) => `${i + 1}. 【${kindLabel(n.kind)}】${n.title}\n   ${absoluteLink(n.link)}`);
  if (items.length > MAX_LINES) lines.push(`……另有 ${items.length - MAX_LINES} 条，请登录查看。`);
  const home = absoluteLink("/");
  const text = [`${name}，您好：`, "", `以下是您自上次摘要以来的 ${items.length} 条通知：`, "", ...lines, "", `打开合稿：${home}`, "", "——合稿（每日摘要，系统自动发送）"].join("\n");
  return { subject: `${SUBJECT_PREFIX}每日通知摘要（${date}，共 ${items.length} 条）`, text, link: home };
}
