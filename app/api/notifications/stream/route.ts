/**
 * `GET /api/notifications/stream`: server-sent events with the signed-in account's unread count
 * (lib/notify/unread-stream.ts). 401 without a session, like every API route.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { loadPrincipal } from "@/lib/accounts/principal";
import { unreadCount } from "@/lib/notify/list-notifications";
import { unreadStream } from "@/lib/notify/unread-stream";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ req, user }) => {
  const db = await getDb();
  const body = unreadStream({
    userId: user.id,
    count: () => unreadCount(db, user.id),
    stillActive: async () => !!(await loadPrincipal(db, user.id)),
    signal: req.signal,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression would otherwise buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
});
