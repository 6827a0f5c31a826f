/**
 * `GET /api/review-inbox` → `{ items: [{ sectionId, reportId, title, number, stage, since }] }`:
 * the sections waiting for the signed-in account at its stage, oldest first.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { reviewInbox } from "@/lib/review/inbox";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ user }) => {
  const items = await reviewInbox(await getDb(), user);
  return { items: items.map(({ sectionId, reportId, title, number, stage, since }) => ({ sectionId, reportId, title, number, stage, since })) };
});
