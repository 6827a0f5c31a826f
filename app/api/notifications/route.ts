/**
 * `GET /api/notifications?unread=1[&limit=50][&before=<ISO>]` → `{ unread, items: [{ id, kind,
 * reportId, sectionId, title, body, createdAt, readAt }] }`: the signed-in account's
 * notifications, newest first (design.md "Notifications").
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { listNotifications } from "@/lib/notify/list-notifications";
import { listQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ req, user }) => {
  const q = listQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { unread, items } = await listNotifications(await getDb(), user.id, { unreadOnly: q.unread, limit: q.limit, before: q.before });
  return {
    unread,
    items: items.map(({ id, kind, reportId, sectionId, title, body, createdAt, readAt }) => ({ id, kind, reportId, sectionId, title, body, createdAt, readAt })),
  };
});
