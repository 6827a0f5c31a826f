/**
 * Browser side of the notification API, shared by the bell and the /notifications page:
 * `fetchNotifications` (GET /api/notifications), `markRead` (POST /api/notifications/read) and
 * `subscribeUnread` (the SSE stream: calls back with every unread count, reconnecting as
 * EventSource does; stops for good on 401 / a disabled account).
 */
import { notificationLink } from "@/lib/notify/links";
import type { NotificationItem } from "@/lib/notify/list-notifications";

/** A notification as the browser reads it (the API's fields; see lib/notify/list-notifications.ts). */
export type NotificationJson = Pick<NotificationItem, "id" | "kind" | "reportId" | "sectionId" | "title" | "body" | "createdAt" | "readAt">;

/** The link of a notification: the review page (待您审核), its section, else its report. */
export const notificationHref = (n: Pick<NotificationJson, "kind" | "sectionId" | "reportId">): string => notificationLink(n);

/** `{ unread, items }`, newest first. @throws Error with the server's Chinese message. */
export async function fetchNotifications(limit = 10): Promise<{ unread: number; items: NotificationJson[] }> {
  const res = await fetch(`/api/notifications?limit=${limit}`, { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(await errorMessage(res));
  return res.json();
}

/** Marks `ids` (or all) read; resolves with the new unread count. */
export async function markRead(what: { ids: string[] } | { all: true }): Promise<number> {
  const res = await fetch("/api/notifications/read", {
    method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(what),
  });
  if (!res.ok) throw new Error(await errorMessage(res));
  return ((await res.json()) as { unread: number }).unread;
}

async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? "操作失败，请稍后重试";
}

/** Calls `onUnread` with every count the server streams; returns the unsubscribe function. */
export function subscribeUnread(onUnread: (n: number) => void): () => void {
  if (typeof EventSource === "undefined") return () => {};
  const es = new EventSource("/api/notifications/stream");
  es.addEventListener("unread", (e) => {
    const n = Number((JSON.parse((e as MessageEvent).data) as { unread: number }).unread);
    if (Number.isFinite(n)) onUnread(n);
  });
  es.addEventListener("end", () => es.close());
  // Window-level event so every bell/list on the page hears counts another one fetched.
  const onLocal = (e: Event) => onUnread((e as CustomEvent<number>).detail);
  window.addEventListener(UNREAD_EVENT, onLocal);
  return () => {
    es.close();
    window.removeEventListener(UNREAD_EVENT, onLocal);
  };
}

const UNREAD_EVENT = "hegao:unread";

/** Tells the page's bell a count learnt from an API answer (no need to wait for the stream). */
export function announceUnread(n: number): void {
  window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: n }));
}
