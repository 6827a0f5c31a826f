/**
 * `POST /api/sections/<id>/comments` with `{ body, anchorText?, parentId? }` → 201 the comment
 * (`{ id, sectionId, parentId, body, anchorText, anchored, versionId, resolved, resolvedAt,
 * resolvedBy, author: { id, name, role }, mentions, createdAt }`). `parentId` replies to a
 * thread; `anchorText` quotes the text, anchored in the live text when found (`anchored`).
 * 403 not allowed, 404 no such section / thread, 422 empty or overlong body, bad input,
 * finalized report — errors as `{ error: { code, message } }`.
 * `GET` → `{ threads: [comment & { replies: [comment] }] }`, oldest first.
 */
import { NextResponse } from "next/server";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { addComment } from "@/lib/comments/add-comment";
import { listThreads } from "@/lib/comments/list-threads";
import { commentJson } from "@/lib/comments/types";
import { notFound, validation } from "@/lib/errors";
import { canSection } from "@/lib/policy";
import { getSection } from "@/lib/review/get-section";
import { commentBodySchema } from "./schema";

export const dynamic = "force-dynamic";

export const POST = apiHandler(async ({ req, user, params }) => {
  const raw = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ body, anchorText?, parentId? }");
  });
  const body = commentBodySchema.parse(raw);
  const c = await addComment(await getDb(), { ...body, sectionId: params.id }, user);
  return NextResponse.json(commentJson(c), { status: 201 });
});

export const GET = apiHandler(async ({ user, params }) => {
  const db = await getDb();
  const { facts } = await getSection(db, params.id);
  if (!canSection(user, "read", facts)) throw notFound("章节");
  const threads = await listThreads(db, params.id);
  return { threads: threads.map((t) => ({ ...commentJson(t), replies: t.replies.map(commentJson) })) };
});
