/**
 * 通知: the signed-in account's notifications, newest first, grouped by report (groups ordered by
 * their newest notification), each linking to its section; mark one or all read.
 */
import Link from "next/link";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listNotifications, type NotificationItem } from "@/lib/notify/list-notifications";
import { NotificationList } from "./notification-list";

export const dynamic = "force-dynamic";

/** Groups of one report each, in the order of their newest notification. */
function byReport(items: NotificationItem[]): { reportId: string; reportTitle: string; items: NotificationItem[] }[] {
  const groups = new Map<string, { reportId: string; reportTitle: string; items: NotificationItem[] }>();
  for (const n of items) {
    const key = n.reportId ?? "";
    if (!groups.has(key)) groups.set(key, { reportId: key, reportTitle: n.reportTitle || "其他", items: [] });
    groups.get(key)!.items.push(n);
  }
  return [...groups.values()];
}

export default async function NotificationsPage() {
  const user = await requirePageUser();
  const { unread, items } = await listNotifications(await getDb(), user.id, { limit: 100 });
  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="notifications-page">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">
          通知 <span className="text-base font-normal text-slate-500" data-testid="notifications-unread">{unread} 条未读</span>
        </h1>
        <Link href="/settings/notifications" className="text-sm text-brand-700 hover:underline">通知设置</Link>
      </div>
      <NotificationList unread={unread} groups={byReport(items)} />
    </div>
  );
}
