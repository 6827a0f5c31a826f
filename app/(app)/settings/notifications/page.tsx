/**
 * 通知设置: per notification kind, 站内 (the bell) and 邮件 toggles; e-mail mode 即时 / 每日汇总;
 * the account's own e-mail address. Defaults: lib/notify/preferences.ts.
 */
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { NOTIFICATION_KINDS } from "@/lib/notify/kinds";
import { getNotificationSettings } from "@/lib/notify/update-settings";
import { SettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";

export default async function NotificationSettingsPage() {
  const user = await requirePageUser();
  const settings = await getNotificationSettings(await getDb(), user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="notification-settings-page">
      <h1 className="text-xl font-semibold">通知设置</h1>
      <SettingsForm initial={settings} labels={NOTIFICATION_KINDS} />
    </div>
  );
}
