/** Body of `POST /api/sections/<id>/comments`. */
import { z } from "zod";
import { relativePositionSchema } from "@/lib/comments/types";

export const commentBodySchema = z.strictObject({
  body: z.string({ message: "body 必须是字符串（批注内容）" }),
  anchorText: z.string({ message: "anchorText 必须是字符串（引用的原文）" }).optional(),
  parentId: z.string({ message: "parentId 必须是字符串（所回复批注的 id）" }).nullish(),
  /** Optional: Yjs relative positions of the quote (else the quote is found in the live text). */
  anchor: z.object({ start: relativePositionSchema, end: relativePositionSchema }).nullish(),
}, { error: "请求体应为 JSON 对象 { body, anchorText?, parentId? }，不能有其他字段" });
