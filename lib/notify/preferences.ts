/**
 * Notification preferences: per kind, whether the account wants it in the bell (`app`) and by
 * e-mail (`email`). Accounts store only their differences from the defaults
 * (`users.notification_prefs`), so a kind added later gets its default for everyone.
 *
 * Defaults: everything in the bell except section_submitted (its recipients also get
 * stage_reached for the same submit, which says more: "待您审核"); e-mail for what asks the
 * account to act (待您审核, 退回修改, replies, @mentions, reminders, 催报).
 * `app: false` hides a kind from the bell and the list only: the row is still written, so an
 * e-mail (lib/notify/outbox) can be sent for it.
 */
import { z } from "zod";
import type { NotificationPrefsJson } from "@/db/schema";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export const PREF_CHANNELS = ["app", "email"] as const;
export type PrefChannel = (typeof PREF_CHANNELS)[number];
export type KindPrefs = Record<PrefChannel, boolean>;

const on = (email: boolean): KindPrefs => ({ app: true, email });

/** What an account gets when it has chosen nothing. */
export const DEFAULT_PREFS: Record<NotificationKind, KindPrefs> = {
  section_submitted: { app: false, email: false },
  stage_reached: on(true),
  section_approved: on(false),
  stage_advanced: on(false),
  section_returned: on(true),
  comment_added: on(false),
  comment_reply: on(true),
  mention: on(true),
  due_soon: on(true),
  overdue: on(true),
  report_finalized: on(false),
  report_reopened: on(false),
  chase: on(true),
};

export const ALL_KINDS = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** Does the account want `kind` by `channel`? Unknown kinds: no. */
export function wants(user: { notificationPrefs: NotificationPrefsJson | null }, kind: string, channel: PrefChannel): boolean {
  const def = DEFAULT_PREFS[kind as NotificationKind];
  if (!def) return false;
  return user.notificationPrefs?.[kind]?.[channel] ?? def[channel];
}

/** Every kind with the account's effective choice (the settings page). */
export function effectivePrefs(prefs: NotificationPrefsJson | null): Record<NotificationKind, KindPrefs> {
  const u = { notificationPrefs: prefs };
  return Object.fromEntries(ALL_KINDS.map((k) => [k, { app: wants(u, k, "app"), email: wants(u, k, "email") }])) as Record<NotificationKind, KindPrefs>;
}

/** Kinds the account hides from the bell. */
export function hiddenFromBell(prefs: NotificationPrefsJson | null): NotificationKind[] {
  return ALL_KINDS.filter((k) => !wants({ notificationPrefs: prefs }, k, "app"));
}

/** Only the choices that differ from the defaults (what is stored). */
export function diffFromDefaults(chosen: Partial<Record<NotificationKind, Partial<KindPrefs>>>): NotificationPrefsJson {
  const out: NotificationPrefsJson = {};
  for (const k of ALL_KINDS) {
    for (const c of PREF_CHANNELS) {
      const v = chosen[k]?.[c];
      if (v !== undefined && v !== DEFAULT_PREFS[k][c]) out[k] = { ...out[k], [c]: v };
    }
  }
  return out;
}

/** A preference map as accepted from a form or the API: known kinds, boolean channels. */
export const prefsInputSchema = z.partialRecord(
  z.enum(ALL_KINDS as [NotificationKind, ...NotificationKind[]]),
  z.object({ app: z.boolean().optional(), email: z.boolean().optional() }).strict(),
);
