/**
 * `POST /api/notifications/read` with `{ ids }` or `{ all: true }` → `{ updated, unread }`: marks
 * the signed-in account's own notifications read (others' ids change nothing).
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { validation } from "@/lib/errors";
import { unreadCount } from "@/lib/notify/list-notifications";
import { markNotificationsRead } from "@/lib/notify/mark-read";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ req, user }) => {
  const body = await req.json().catch(() => {
    throw validation("请求体应为 JSON");
  });
  const db = await getDb();
  const { updated } = await markNotificationsRead(db, user.id, body);
  return { updated, unread: await unreadCount(db, user.id) };
});
