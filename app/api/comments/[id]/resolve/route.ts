/**
 * `POST /api/comments/<id>/resolve` (body optional: `{ resolved?: boolean }`, default true;
 * `{ resolved: false }` reopens, like `POST /api/comments/<id>/reopen`) → 200 the thread's first
 * comment as `POST /api/sections/<id>/comments` answers it. Acting on a reply acts on its thread.
 * 403 not allowed, 404 no such comment, 422 finalized report or bad body.
 */
import { z } from "zod";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { setCommentResolved } from "@/lib/comments/set-resolved";
import { commentJson } from "@/lib/comments/types";
import { validation } from "@/lib/errors";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ resolved: z.boolean({ message: "resolved 必须是 true 或 false" }).default(true) }).strict();

export const POST = apiHandler(async ({ req, user, params }) => {
  const text = await req.text();
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw validation("请求体必须是 JSON：{ resolved? }");
    }
  }
  const { resolved } = bodySchema.parse(raw);
  return commentJson(await setCommentResolved(await getDb(), { commentId: params.id, resolved, actor: user }));
});
