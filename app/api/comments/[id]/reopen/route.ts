/**
 * `POST /api/comments/<id>/reopen` → 200 the thread's first comment, open again (the same as
 * `POST /api/comments/<id>/resolve` with `{ resolved: false }`). 403 / 404 / 422 as resolve.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { setCommentResolved } from "@/lib/comments/set-resolved";
import { commentJson } from "@/lib/comments/types";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ user, params }) =>
  commentJson(await setCommentResolved(await getDb(), { commentId: params.id, resolved: false, actor: user })));
