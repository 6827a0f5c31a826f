"use client";
/**
 * The list of the 通知 page: one card per report, each notification with its title, body and
 * time, a link to its section (marks it read), 标为已读 per item and 全部标为已读. The page is
 * refreshed from the server after each change and whenever the live count changes.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { announceUnread, markRead, notificationHref, subscribeUnread } from "@/app/_components/notifications-client";
import type { NotificationItem } from "@/lib/notify/list-notifications";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notify/kinds";
import { formatDateTime, formatRelative } from "@/lib/reports/relative-time";

interface Group {
  reportId: string;
  reportTitle: string;
  items: NotificationItem[];
}

export function NotificationList({ unread, groups }: { unread: number; groups: Group[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const seen = useRef(unread);
  useEffect(() => subscribeUnread((n) => {
    if (n !== seen.current) {
      seen.current = n;
      router.refresh();
    }
  }), [router]);

  const act = (what: { ids: string[] } | { all: true }) => start(async () => {
    try {
      const n = await markRead(what);
      seen.current = n;
      announceUnread(n);
      setError(null);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "操作失败");
    }
  });

  if (groups.length === 0) return <div className="card p-8 text-center text-slate-500" data-testid="notifications-empty">暂无通知。</div>;
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <button type="button" className="btn" disabled={!unread || pending} onClick={() => act({ all: true })} data-testid="notifications-read-all">全部标为已读</button>
      </div>
      {error && <p className="text-sm text-red-600" role="alert">{error}</p>}
      {groups.map((g) => (
        <section key={g.reportId} className="card overflow-hidden" data-testid="notification-group">
          <h2 className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-700">{g.reportTitle}</h2>
          <ul className="divide-y divide-slate-100">
            {g.items.map((n) => (
              <li key={n.id} className={`flex gap-3 px-4 py-3 ${n.readAt ? "" : "bg-blue-50/50"}`} data-testid="notification-row" data-unread={n.readAt ? "0" : "1"}>
                <span className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-slate-200" : "bg-red-500"}`} aria-label={n.readAt ? "已读" : "未读"} />
                <div className="min-w-0 flex-1">
                  <Link href={notificationHref(n)} className="text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    onClick={() => !n.readAt && void markRead({ ids: [n.id] }).then(announceUnread).catch(() => {})}>
                    {n.title}
                  </Link>
                  {n.body && <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-slate-600">{n.body}</p>}
                  <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-400">
                    <span>{NOTIFICATION_KINDS[n.kind as NotificationKind] ?? n.kind}</span>
                    <span title={formatDateTime(new Date(n.createdAt))}>{formatRelative(new Date(n.createdAt))}</span>
                  </p>
                </div>
                {!n.readAt && (
                  <button type="button" className="self-start text-xs text-brand-700 hover:underline" disabled={pending} onClick={() => act({ ids: [n.id] })} data-testid="notification-mark-read">
                    标为已读
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
