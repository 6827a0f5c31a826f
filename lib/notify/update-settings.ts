/**
 * An account's own notification settings (/settings/notifications): per-kind bell and e-mail
 * choices, e-mail mode (即时 / 每日汇总) and its e-mail address. Only the differences from the
 * defaults are stored (lib/notify/preferences.ts).
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type NotificationPrefsJson } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { diffFromDefaults, effectivePrefs, prefsInputSchema, type KindPrefs } from "./preferences";
import type { NotificationKind } from "./kinds";

export const settingsSchema = z.object({
  /** "" clears the address. */
  email: z.string().trim().max(254, "邮箱地址过长").refine((v) => v === "" || z.email().safeParse(v).success, "邮箱地址格式不正确"),
  emailMode: z.enum(["immediate", "digest"], { message: "邮件方式应为 immediate（即时）或 digest（每日汇总）" }),
  prefs: prefsInputSchema,
});
export type SettingsInput = z.input<typeof settingsSchema>;

export interface NotificationSettings {
  email: string;
  emailMode: "immediate" | "digest";
  prefs: Record<NotificationKind, KindPrefs>;
}

/** The account's settings with every kind's effective choice. @throws AppError not_found. */
export async function getNotificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound("账号");
  return { email: u.email ?? "", emailMode: u.emailMode, prefs: effectivePrefs(u.notificationPrefs) };
}

/**
 * Saves the account's own settings.
 * @throws ZodError (422: bad e-mail address, unknown kind or mode); AppError not_found.
 */
export async function updateNotificationSettings(db: Db, userId: string, input: SettingsInput): Promise<NotificationSettings> {
  const data = settingsSchema.parse(input);
  const prefs: NotificationPrefsJson = diffFromDefaults(data.prefs);
  const rows = await db
    .update(users)
    .set({ email: data.email || null, emailMode: data.emailMode, notificationPrefs: prefs })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!rows.length) throw notFound("账号");
  return getNotificationSettings(db, userId);
}
