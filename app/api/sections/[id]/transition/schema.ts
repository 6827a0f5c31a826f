/** Body of `POST /api/sections/<id>/transition`. */
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { REVIEW_EVENTS } from "@/lib/workflow";

export const transitionBodySchema = z.object({
  event: z.enum(REVIEW_EVENTS, { message: `event 必须是 ${REVIEW_EVENTS.join(" / ")} 之一` }),
  version: z.number({ message: "version 必须是数字（章节当前版本号）" }).int().positive(),
  comment: cleanTextSchema().pipe(z.string().max(2000, "意见不能超过 2000 字")).nullish(),
  /** request_changes: back to the previous stage's approvers. */
  returnToPrevious: z.boolean().optional(),
  /** delegate: the username taking over; `from` (admins only): whose pending approval. */
  to: z.string().trim().min(1, "请填写转交给谁（用户名）").max(40).optional(),
  from: z.string().trim().min(1).max(40).optional(),
});
