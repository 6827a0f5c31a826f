/**
 * GET /api/reports/<id>/export?format=docx|md|html[&final=<n>][&cleanDraft=1][&boldLevel3=1] —
 * the download of a report: its stored final when finalized (or final n), else a draft marked
 * 征求意见稿 (on every page and after headings not approved; with cleanDraft=1 once, under the
 * title). boldLevel3=1 prints level-3 headings bold (GB/T 9704 §7.3.3: plain, the default).
 * The .docx creator is the exporting account's display name. Admins only (canReport
 * "export"); reviewers see the preview page instead.
 */
import { z } from "zod";
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { exportReport } from "@/lib/assembly/export-report";
import { assertReport } from "@/lib/policy";

export const dynamic = "force-dynamic";

/** An on/off query parameter: "1"/"true" on, "0"/"false" or absent off. */
const flag = (name: string) =>
  z.enum(["1", "0", "true", "false"], { error: `${name} 必须是 1 或 0` }).optional().transform((v) => v === "1" || v === "true");

const query = z.object({
  format: z.enum(["docx", "md", "html"], { error: "format 必须是 docx、md 或 html" }),
  final: z.coerce.number().int().positive("final 必须是正整数").optional(),
  cleanDraft: flag("cleanDraft"),
  boldLevel3: flag("boldLevel3"),
});

export const GET = apiHandler(async ({ req, user, params }) => {
  assertReport(user, "export", undefined, "只有管理员可以导出总结");
  const url = new URL(req.url);
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  const { format, final, cleanDraft, boldLevel3 } = query.parse({
    format: param("format"), final: param("final"), cleanDraft: param("cleanDraft"), boldLevel3: param("boldLevel3"),
  });
  const file = await exportReport(await getDb(), params.id, format, final, { cleanDraft, boldLevel3, author: user.name });
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
