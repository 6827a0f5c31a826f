"use client";
/**
 * The bell in the header: the unread count, live (SSE, lib/notify/unread-stream.ts), and a
 * dropdown with the newest notifications — click one to open its section (marked read), 全部已读,
 * 查看全部 (/notifications) and 通知设置. Below 768 px the dropdown spans the screen's width.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatRelative } from "@/lib/reports/relative-time";
import { announceUnread, fetchNotifications, markRead, notificationHref, subscribeUnread, type NotificationJson } from "./notifications-client";

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const r = await fetchNotifications(8);
      setItems(r.items);
      setUnread(r.unread);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "加载失败");
    }
  }, []);

  useEffect(() => subscribeUnread(setUnread), []);
  // An open dropdown follows the count.
  useEffect(() => {
    if (open) void load();
  }, [open, unread, load]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const openItem = async (n: NotificationJson) => {
    setOpen(false);
    if (!n.readAt) await markRead({ ids: [n.id] }).then(announceUnread).catch(() => {});
    router.push(notificationHref(n));
  };
  const readAll = async () => {
    try {
      announceUnread(await markRead({ all: true }));
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : "操作失败");
    }
  };

  return (
    <div ref={box} className="md:relative">
      <button
        type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-haspopup="dialog"
        aria-label={unread ? `通知，${unread} 条未读` : "通知"} data-testid="notification-bell"
        className="relative flex h-8 w-8 items-center justify-center rounded text-slate-200 hover:bg-slate-700 hover:text-white"
      >
        <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" /><path d="M10.3 20a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="absolute -right-1 -top-0.5 min-w-4 rounded-full bg-red-500 px-1 text-center text-[10px] font-semibold leading-4 text-white" data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label="通知" data-testid="notification-dropdown"
          className="absolute inset-x-2 top-12 z-40 rounded-lg border border-slate-200 bg-white text-slate-800 shadow-xl md:inset-x-auto md:right-0 md:top-10 md:w-96">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="text-sm font-semibold">通知{unread ? `（${unread} 条未读）` : ""}</span>
            <button type="button" className="text-xs text-brand-700 hover:underline disabled:text-slate-400" disabled={!unread} onClick={readAll} data-testid="notification-read-all">
              全部标为已读
            </button>
          </div>
          {error && <p className="px-3 py-2 text-xs text-red-600" role="alert">{error}</p>}
          <ul className="max-h-[60vh] overflow-y-auto">
            {items === null && !error && <li className="px-3 py-6 text-center text-xs text-slate-400">加载中…</li>}
            {items?.length === 0 && <li className="px-3 py-6 text-center text-sm text-slate-500">暂无通知</li>}
            {items?.map((n) => (
              <li key={n.id}>
                <button type="button" onClick={() => openItem(n)} data-testid="notification-item" data-unread={n.readAt ? "0" : "1"}
                  className={`flex w-full gap-2 px-3 py-2 text-left hover:bg-slate-50 ${n.readAt ? "" : "bg-blue-50/60"}`}>
                  <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-red-500"}`} aria-hidden="true" />
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm leading-5">{n.title}</span>
                    {n.body && <span className="line-clamp-2 block text-xs text-slate-500">{n.body}</span>}
                    <span className="block text-[11px] text-slate-400">{formatRelative(new Date(n.createdAt))}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex justify-between border-t border-slate-100 px-3 py-2 text-xs">
            <Link href="/notifications" className="text-brand-700 hover:underline" onClick={() => setOpen(false)} data-testid="notification-all">查看全部通知</Link>
            <Link href="/settings/notifications" className="text-slate-500 hover:underline" onClick={() => setOpen(false)}>通知设置</Link>
          </div>
        </div>
      )}
    </div>
  );
}
