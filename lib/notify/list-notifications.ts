/**
 * The signed-in account's notifications for the bell, the /notifications page and
 * `GET /api/notifications`: newest first, the unread count, kinds the account hides from the bell
 * (lib/notify/preferences.ts) left out of both.
 */
import { and, count, desc, eq, isNull, lt, notInArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, reports, users } from "@/db/schema";
import { hiddenFromBell } from "./preferences";

/** One notification as the API shows it (design.md "Notifications"). */
export interface NotificationItem {
  id: string;
  kind: string;
  reportId: string | null;
  sectionId: string | null;
  title: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null while unread. */
  readAt: string | null;
  /** App-relative link (the section, else the report). */
  link: string;
  /** Title of the report, for grouping ("" when it has none). */
  reportTitle: string;
}

export interface ListOptions {
  unreadOnly?: boolean;
  /** 1..100, default 50. */
  limit?: number;
  /** Paging: only notifications older than this ISO time. */
  before?: string;
}

/** The account's visible-kinds filter (null: every kind visible). */
async function visibleFilter(db: DbOrTx, userId: string): Promise<SQL | undefined> {
  const [u] = await db.select({ prefs: users.notificationPrefs }).from(users).where(eq(users.id, userId));
  const hidden = hiddenFromBell(u?.prefs ?? null);
  return hidden.length ? notInArray(notifications.kind, hidden) : undefined;
}

/** Unread notifications the bell shows. */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const visible = await visibleFilter(db, userId);
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt), visible));
  return Number(row?.n ?? 0);
}

/** `{ unread, items }`, newest first. */
export async function listNotifications(db: DbOrTx, userId: string, opts: ListOptions = {}): Promise<{ unread: number; items: NotificationItem[] }> {
  const visible = await visibleFilter(db, userId);
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 100);
  const rows = await db
    .select({ n: notifications, reportTitle: reports.title })
    .from(notifications)
    .leftJoin(reports, eq(notifications.reportId, reports.id))
    .where(and(
      eq(notifications.userId, userId), visible,
      opts.unreadOnly ? isNull(notifications.readAt) : undefined,
      opts.before ? lt(notifications.createdAt, new Date(opts.before)) : undefined,
    ))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return {
    unread: await unreadCount(db, userId),
    items: rows.map(({ n, reportTitle }) => ({
      id: n.id, kind: n.kind, reportId: n.reportId, sectionId: n.sectionId, title: n.title, body: n.body,
      createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null, link: n.link, reportTitle: reportTitle ?? "",
    })),
  };
}
