/** Query of `GET /api/notifications`: `unread=1` for unread only, `limit` 1..100, `before` (ISO time) to page. */
import { z } from "zod";

export const listQuerySchema = z.object({
  unread: z.enum(["0", "1", "true", "false"], { message: "unread 应为 1 或 0" }).optional().transform((v) => v === "1" || v === "true"),
  limit: z.coerce.number({ message: "limit 应为数字" }).int("limit 应为整数").min(1, "limit 至少为 1").max(100, "limit 最多为 100").optional(),
  before: z.iso.datetime({ offset: true, message: "before 应为 ISO 时间" }).optional(),
});
