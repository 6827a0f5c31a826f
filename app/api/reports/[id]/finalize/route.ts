/**
 * `POST /api/reports/<id>/finalize` (admin) → 200 `{ finalNumber }`; 422 `{ error: { code:
 * "placeholders", message, details: [{ part, sectionId?, text, context, key }] } }` while blanks
 * remain; 409 when a section (or the opening) is not approved or the report changed. Optional
 * body `{ version }`: the report version the caller saw. The UI's 定稿 runs the same command.
 */
import { z } from "zod";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { finalizeReport } from "@/lib/assembly/finalize-report";
import { validation } from "@/lib/errors";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ version: z.number().int().optional() }).strict();

export const POST = apiHandler(async ({ req, user, params }) => {
  const text = await req.text();
  let raw: unknown = {};
  try {
    if (text.trim()) raw = JSON.parse(text);
  } catch {
    throw validation("请求体不是有效的 JSON");
  }
  const { version } = bodySchema.parse(raw);
  const result = await finalizeReport(await getDb(), { reportId: params.id, actor: user, expectedVersion: version });
  return { finalNumber: result.number };
});
