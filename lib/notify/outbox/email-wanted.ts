/**
 * Whether an account wants e-mail for a notification kind. Minimal stand-in for
 * lib/notify/preferences.ts (written by another helper): the defaults of issue 11 plus the
 * account's per-kind overrides in `users.notification_prefs` (`{ [kind]: { email?: boolean } }`).
 */
import type { NotificationPrefsJson } from "@/db/schema";
import type { NotificationKind } from "../kinds";

/** Kinds that go by e-mail unless the account turned them off (issue 11 defaults). */
export const EMAIL_BY_DEFAULT: ReadonlySet<string> = new Set<NotificationKind>([
  "section_returned", "stage_reached", "mention", "comment_reply", "due_soon", "overdue", "chase", "report_finalized",
]);

/**
 * @param prefs the account's overrides (missing kind or missing `email`: the default)
 * @param kind a notification kind (unknown kinds: no e-mail unless explicitly turned on)
 */
export function wantsEmail(prefs: NotificationPrefsJson | null | undefined, kind: string): boolean {
  const chosen = prefs?.[kind]?.email;
  return typeof chosen === "boolean" ? chosen : EMAIL_BY_DEFAULT.has(kind);
}
