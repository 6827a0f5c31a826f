/**
 * GET /api/reports/<id>/export?format=docx|md|html[&final=<n>] — the download of a report:
 * its stored final when finalized (or final n), else a draft marked 征求意见稿. Admins only
 * (canReport "export"); reviewers see the preview page instead.
 */
import { z } from "zod";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { exportReport } from "@/lib/assembly/export-report";
import { assertReport } from "@/lib/policy";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["docx", "md", "html"], { error: "format 必须是 docx、md 或 html" }),
  final: z.coerce.number().int().positive("final 必须是正整数").optional(),
});

export const GET = apiHandler(async ({ req, user, params }) => {
  assertReport(user, "export", undefined, "只有管理员可以导出总结");
  const url = new URL(req.url);
  const { format, final } = query.parse({ format: url.searchParams.get("format") ?? undefined, final: url.searchParams.get("final") ?? undefined });
  const file = await exportReport(await getDb(), params.id, format, final);
  const ascii = `report.${file.extension}`;
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "no-store",
      "X-Hegao-Final": file.final === null ? "draft" : String(file.final),
    },
  });
});
