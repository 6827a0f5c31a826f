/** Body of `POST /api/sections/<id>/transition`. */
import { z } from "zod";
import { cleanTextSchema } from "@/lib/text/hygiene";
import { REVIEW_EVENTS } from "@/lib/review/state-machine";

export const transitionBodySchema = z.object({
  event: z.enum(REVIEW_EVENTS, { message: `event 必须是 ${REVIEW_EVENTS.join(" / ")} 之一` }),
  version: z.number({ message: "version 必须是数字（章节当前版本号）" }).int().positive(),
  comment: cleanTextSchema().max(2000, "意见不能超过 2000 字").nullish(),
});
