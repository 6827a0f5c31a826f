import { isReportOpen } from "@/lib/workflow/vocabulary";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listReports } from "@/lib/reports/get-report";

/** Landing: the newest report being collected (editors land on their sections there), else the list. */
export default async function Home() {
  const reports = await listReports(await getDb());
  const current = reports.find((r) => isReportOpen(r.status)) ?? reports[0];
  redirect(current ? `/reports/${current.id}` : "/reports");
}
