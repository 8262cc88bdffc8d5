import "server-only";
import { stringify } from "csv-stringify/sync";
import { translatorFor } from "../../i18n/translator";
import { SEGMENTS } from "../routing/policy.schema";
import type { getReportOverview, getReportTimeline } from "./reports.service";
import { CHANNELS } from "./reports.service";

type Overview = Awaited<ReturnType<typeof getReportOverview>>;
type Timeline = Awaited<ReturnType<typeof getReportTimeline>>;

const day = (date: Date) => date.toISOString().slice(0, 10);
/** Money in major units with two decimals and a dot, as spreadsheets read it. */
const money = (cents: number) => (cents / 100).toFixed(2);
const cell = (value: number | null) => (value === null ? "" : String(value));

/**
 * The report as CSV: the figures (metric key, label in the reader's language, value), contacts by
 * channel and segment, then the chart series. Shares are 0..1, money in major units with its currency.
 */
export function buildReportCsv(overview: Overview, timeline: Timeline, locale: "ru" | "en"): string {
  const label = translatorFor(locale, "reportsCsv");
  const lastDay = new Date(overview.to.getTime() - 1);
  const rows: (string | number)[][] = [
    ["metric", label("metric"), label("value")],
    ["period", label("period"), `${day(overview.from)} – ${day(lastDay)}`],
    ["contacts.total", label("contactsTotal"), overview.contacts.total],
    ["selfServiceRate", label("selfServiceRate"), cell(overview.selfServiceRate)],
    ["escalationRate", label("escalationRate"), cell(overview.escalationRate)],
    ["slaCompliance", label("slaCompliance"), cell(overview.slaCompliance)],
    ["avgFirstResponseMinutes", label("avgFirstResponseMinutes"), cell(overview.avgFirstResponseMinutes)],
    ["avgHandlingMinutes", label("avgHandlingMinutes"), cell(overview.avgHandlingMinutes)],
    ["fcr", label("fcr"), cell(overview.fcr)],
    ["csat", label("csat"), cell(overview.csat)],
    ["csat.satisfiedShare", label("csatSatisfiedShare"), cell(overview.csatDetail.satisfiedShare)],
    ["csat.responses", label("csatResponses"), overview.csatDetail.responses],
    [`cost.totalCents (${overview.cost.currency})`, label("costTotal"), money(overview.cost.totalCents)],
    [`cost.allAgentCents (${overview.cost.currency})`, label("costAllAgents"), money(overview.cost.allAgentCents)],
    [`cost.savingsCents (${overview.cost.currency})`, label("costSavings"), money(overview.cost.savingsCents)],
  ];
  const { incidents } = overview;
  rows.push(
    ["incidents.count", label("incidents"), incidents.incidents],
    ["incidents.contacts", label("incidentContacts"), incidents.contacts],
    ["incidents.deflected", label("incidentDeflected"), incidents.deflected],
    ["incidents.deflectedShare", label("incidentDeflectedShare"), cell(incidents.deflectedShare)],
    ["incidents.credits.lines", label("incidentCredits"), incidents.credits.lines],
    [
      `incidents.credits.totalCents (${overview.cost.currency})`,
      label("incidentCreditsTotal"),
      money(incidents.credits.totalCents),
    ],
  );
  for (const channel of CHANNELS)
    rows.push([
      `contacts.byChannel.${channel}`,
      `${label("channel")}: ${channel}`,
      overview.contacts.byChannel[channel],
    ]);
  for (const segment of SEGMENTS)
    rows.push([`segments.${segment}`, `${label("segment")}: ${segment}`, overview.segments[segment].contacts]);
  rows.push([]);
  rows.push([
    label("bucketStart"),
    label("contacts"),
    label("selfServed"),
    label("toPerson"),
    label("selfServiceRate"),
    label("slaCompliance"),
    label("fcr"),
    label("csat"),
  ]);
  for (const point of timeline.points) {
    rows.push([
      day(point.start),
      point.contacts,
      point.selfServed,
      point.toPerson,
      cell(point.selfServiceRate),
      cell(point.slaCompliance),
      cell(point.fcr),
      cell(point.csat),
    ]);
  }
  // A byte-order mark so spreadsheet programs read the Cyrillic labels as UTF-8.
  return `\uFEFF${stringify(rows)}`;
}
