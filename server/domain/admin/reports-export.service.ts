import "server-only";
import type { Database } from "../../db/client";
import type { ReportRange } from "./admin.schema";
import { buildReportCsv } from "./reports-csv.service";
import { getReportOverview, getReportTimeline } from "./reports.service";

/** The report of a period as a CSV file (`admin.reports.exportCsv`), labels in the reader's language. */
export async function exportReportCsv(db: Database, range: ReportRange, locale: "ru" | "en", now = new Date()) {
  const [overview, timeline] = await Promise.all([
    getReportOverview(db, range, now),
    getReportTimeline(db, range, now),
  ]);
  const lastDay = new Date(range.to.getTime() - 1).toISOString().slice(0, 10);
  return {
    filename: `selfcare-report-${range.from.toISOString().slice(0, 10)}-${lastDay}.csv`,
    contentType: "text/csv; charset=utf-8",
    content: buildReportCsv(overview, timeline, locale),
  };
}
