/**
 * Marking notifications read (`POST /api/notifications/read`, the bell, the list): only the
 * caller's own rows change, whatever ids are sent; the caller's other tabs hear of it live.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { publishNotificationsChanged } from "./live";

/** `{ ids: [...] }` (1..200 ids) or `{ all: true }`. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1, "请指定要标记的通知").max(200, "一次最多标记 200 条") }).strict(),
  z.object({ all: z.literal(true) }).strict(),
], { message: "请求格式应为 { ids: [...] } 或 { all: true }" });
export type MarkReadInput = z.infer<typeof markReadSchema>;

/**
 * Sets `read_at` on the account's unread notifications named (or all of them).
 * @returns how many rows changed (ids of others' or already read rows count 0)
 * @throws ZodError (422) for a malformed input
 */
export async function markNotificationsRead(db: Db, userId: string, input: unknown): Promise<{ updated: number }> {
  const data = markReadSchema.parse(input);
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), "ids" in data ? inArray(notifications.id, data.ids) : undefined))
    .returning({ id: notifications.id });
  if (rows.length) publishNotificationsChanged([userId]);
  return { updated: rows.length };
}
