import { stringify } from "csv-stringify/sync";
import { SEGMENTS } from "../routing/policy.schema";
import type { getReportOverview, getReportTimeline } from "./reports.service";
import { CHANNELS } from "./reports.service";

type Overview = Awaited<ReturnType<typeof getReportOverview>>;
type Timeline = Awaited<ReturnType<typeof getReportTimeline>>;
type Locale = "ru" | "en";

const LABELS: Record<string, { ru: string; en: string }> = {
  period: { ru: "Период", en: "Period" },
  contactsTotal: { ru: "Обращения, всего", en: "Contacts, total" },
  selfServiceRate: { ru: "Доля самообслуживания", en: "Self-service rate" },
  escalationRate: { ru: "Доля эскалаций", en: "Escalation rate" },
  slaCompliance: { ru: "Соблюдение SLA", en: "SLA compliance" },
  avgFirstResponseMinutes: { ru: "Среднее время первого ответа, мин", en: "Average first response, min" },
  avgHandlingMinutes: { ru: "Среднее время обработки, мин", en: "Average handling time, min" },
  fcr: { ru: "Решено с первого обращения", en: "First-contact resolution" },
  csat: { ru: "CSAT, средняя оценка (1–5)", en: "CSAT, average rating (1–5)" },
  csatSatisfiedShare: { ru: "CSAT, доля оценок 4–5", en: "CSAT, share of 4–5 ratings" },
  csatResponses: { ru: "CSAT, оценок", en: "CSAT, ratings" },
  costTotal: { ru: "Стоимость обращений", en: "Cost of contacts" },
  costAllAgents: { ru: "Стоимость, если все через операторов", en: "Cost if all went to agents" },
  costSavings: { ru: "Экономия", en: "Savings" },
  channel: { ru: "Канал", en: "Channel" },
  segment: { ru: "Сегмент", en: "Segment" },
  bucketStart: { ru: "Начало периода", en: "Period start" },
  contacts: { ru: "Обращения", en: "Contacts" },
  selfServed: { ru: "Решено в самообслуживании", en: "Solved in self-service" },
  toPerson: { ru: "Переданы специалисту", en: "Went to a person" },
  metric: { ru: "Показатель", en: "Metric" },
  value: { ru: "Значение", en: "Value" },
};

const label = (key: string, locale: Locale) => LABELS[key]?.[locale] ?? key;
const day = (date: Date) => date.toISOString().slice(0, 10);
/** Money in major units with two decimals and a dot, as spreadsheets read it. */
const money = (cents: number) => (cents / 100).toFixed(2);
const cell = (value: number | null) => (value === null ? "" : String(value));

/**
 * The report as CSV: the figures (metric key, label in the reader's language, value), contacts by
 * channel and segment, then the chart series. Shares are 0..1, money in major units with its currency.
 */
export function buildReportCsv(overview: Overview, timeline: Timeline, locale: Locale): string {
  const lastDay = new Date(overview.to.getTime() - 1);
  const rows: (string | number)[][] = [
    ["metric", label("metric", locale), label("value", locale)],
    ["period", label("period", locale), `${day(overview.from)} – ${day(lastDay)}`],
    ["contacts.total", label("contactsTotal", locale), overview.contacts.total],
    ["selfServiceRate", label("selfServiceRate", locale), cell(overview.selfServiceRate)],
    ["escalationRate", label("escalationRate", locale), cell(overview.escalationRate)],
    ["slaCompliance", label("slaCompliance", locale), cell(overview.slaCompliance)],
    ["avgFirstResponseMinutes", label("avgFirstResponseMinutes", locale), cell(overview.avgFirstResponseMinutes)],
    ["avgHandlingMinutes", label("avgHandlingMinutes", locale), cell(overview.avgHandlingMinutes)],
    ["fcr", label("fcr", locale), cell(overview.fcr)],
    ["csat", label("csat", locale), cell(overview.csat)],
    ["csat.satisfiedShare", label("csatSatisfiedShare", locale), cell(overview.csatDetail.satisfiedShare)],
    ["csat.responses", label("csatResponses", locale), overview.csatDetail.responses],
    [`cost.totalCents (${overview.cost.currency})`, label("costTotal", locale), money(overview.cost.totalCents)],
    [
      `cost.allAgentCents (${overview.cost.currency})`,
      label("costAllAgents", locale),
      money(overview.cost.allAgentCents),
    ],
    [`cost.savingsCents (${overview.cost.currency})`, label("costSavings", locale), money(overview.cost.savingsCents)],
  ];
  for (const channel of CHANNELS)
    rows.push([
      `contacts.byChannel.${channel}`,
      `${label("channel", locale)}: ${channel}`,
      overview.contacts.byChannel[channel],
    ]);
  for (const segment of SEGMENTS)
    rows.push([`segments.${segment}`, `${label("segment", locale)}: ${segment}`, overview.segments[segment].contacts]);
  rows.push([]);
  rows.push([
    label("bucketStart", locale),
    label("contacts", locale),
    label("selfServed", locale),
    label("toPerson", locale),
    label("selfServiceRate", locale),
    label("slaCompliance", locale),
    label("fcr", locale),
    label("csat", locale),
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
