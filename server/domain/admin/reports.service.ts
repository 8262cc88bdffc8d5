import type { Database } from "../../db/client";
import { SEGMENTS, type Segment } from "../routing/policy.schema";
import { getActivePolicy } from "../routing/policy.service";
import type { ReportRange } from "./admin.schema";
import { bucketFor, costOf, rate, roundMinutes, type Bucket } from "./report-math";

export const CHANNELS = ["WEB", "PWA", "PHONE", "PARTNER", "EMAIL"] as const;
export type ReportChannel = (typeof CHANNELS)[number];

/**
 * The contacts of the range — service requests created in [from, to) on every channel — with the
 * flags the figures are counted from:
 * - toPerson: routed to the queue or a personal manager, or escalated from self-service;
 * - selfServed: resolved in self-service (deflected) with no further request from the customer on
 *   the same category within 72 hours of the resolution;
 * - firstContactResolved: resolved (RESOLVED/CLOSED), never reopened, and no further request on the
 *   same category within 7 days of the resolution.
 * The follow-up lookups use the (customerId, category, createdAt) index.
 */
const CONTACTS_CTE = `
WITH c AS (
  SELECT s."id", s."channel"::text AS "channel", s."segmentAtCreation"::text AS "segment", s."createdAt",
         s."slaDueAt", s."firstResponseAt", s."resolvedAt", s."claimedAt", s."escalatedAt", s."deflected", s."csat",
         s."status" IN ('RESOLVED', 'CLOSED') AS "isResolved",
         (s."decision" <> 'SELF_SERVICE' OR s."escalatedAt" IS NOT NULL) AS "toPerson",
         (s."deflected" AND s."resolvedAt" IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM "ServiceRequest" n
             WHERE n."customerId" = s."customerId" AND n."category" = s."category"
               AND n."createdAt" > s."createdAt" AND n."createdAt" <= s."resolvedAt" + interval '72 hours')) AS "selfServed",
         (s."status" IN ('RESOLVED', 'CLOSED') AND s."resolvedAt" IS NOT NULL AND s."reopenedAt" IS NULL AND NOT EXISTS (
            SELECT 1 FROM "ServiceRequest" n
             WHERE n."customerId" = s."customerId" AND n."category" = s."category"
               AND n."createdAt" > s."createdAt" AND n."createdAt" <= s."resolvedAt" + interval '7 days')) AS "firstContactResolved"
    FROM "ServiceRequest" s
   WHERE s."createdAt" >= $1::timestamp AND s."createdAt" < $2::timestamp
)`;

/** Aggregates shared by the overview and each chart bucket. $3 is "now": an SLA still running is not judged yet. */
const FIGURES = `
  count(*)::int AS "contacts",
  count(*) FILTER (WHERE "selfServed")::int AS "selfServed",
  count(*) FILTER (WHERE "toPerson")::int AS "toPerson",
  count(*) FILTER (WHERE "slaDueAt" IS NOT NULL AND ("firstResponseAt" IS NOT NULL OR "resolvedAt" IS NOT NULL OR "slaDueAt" <= $3::timestamp))::int AS "slaJudged",
  count(*) FILTER (WHERE "slaDueAt" IS NOT NULL AND LEAST("firstResponseAt", "resolvedAt") <= "slaDueAt")::int AS "slaMet",
  (avg(EXTRACT(EPOCH FROM ("firstResponseAt" - coalesce("escalatedAt", "createdAt"))) / 60) FILTER (WHERE "firstResponseAt" IS NOT NULL))::float8 AS "firstResponseMinutes",
  (avg(EXTRACT(EPOCH FROM ("resolvedAt" - "claimedAt")) / 60) FILTER (WHERE "isResolved" AND NOT "deflected" AND "claimedAt" IS NOT NULL))::float8 AS "handlingMinutes",
  count(*) FILTER (WHERE "isResolved")::int AS "resolved",
  count(*) FILTER (WHERE "firstContactResolved")::int AS "firstContactResolved",
  (avg("csat"))::float8 AS "csatAverage",
  count("csat")::int AS "csatResponses",
  count(*) FILTER (WHERE "csat" >= 4)::int AS "csatSatisfied"`;

type Figures = {
  contacts: number;
  selfServed: number;
  toPerson: number;
  slaJudged: number;
  slaMet: number;
  firstResponseMinutes: number | null;
  handlingMinutes: number | null;
  resolved: number;
  firstContactResolved: number;
  csatAverage: number | null;
  csatResponses: number;
  csatSatisfied: number;
};

const OVERVIEW_SQL = `${CONTACTS_CTE}
SELECT ${FIGURES},
  ${CHANNELS.map((channel) => `count(*) FILTER (WHERE "channel" = '${channel}')::int AS "channel_${channel}"`).join(",\n  ")},
  ${SEGMENTS.map((segment) => `count(*) FILTER (WHERE "segment" = '${segment}')::int AS "segment_${segment}"`).join(",\n  ")}
FROM c`;

function ratesOf(figures: Figures) {
  return {
    selfServiceRate: rate(figures.selfServed, figures.contacts),
    escalationRate: rate(figures.toPerson, figures.contacts),
    slaCompliance: rate(figures.slaMet, figures.slaJudged),
    avgFirstResponseMinutes: roundMinutes(figures.firstResponseMinutes),
    avgHandlingMinutes: roundMinutes(figures.handlingMinutes),
    fcr: rate(figures.firstContactResolved, figures.resolved),
    csat: figures.csatAverage === null ? null : Math.round(figures.csatAverage * 100) / 100,
  };
}

/**
 * The operator's numbers for a period (`admin.reports.overview`), computed in one aggregate query.
 * Definitions are in README "Reports"; cost uses the active policy's cost per contact.
 */
export async function getReportOverview(db: Database, range: ReportRange, now = new Date()) {
  const [policy, rows] = await Promise.all([
    getActivePolicy(db),
    db.$queryRawUnsafe<(Figures & Record<string, number>)[]>(OVERVIEW_SQL, range.from, range.to, now),
  ]);
  const figures = rows[0]!;
  const byChannel = Object.fromEntries(
    CHANNELS.map((channel) => [channel, figures[`channel_${channel}`] ?? 0]),
  ) as Record<ReportChannel, number>;
  const segments = Object.fromEntries(
    SEGMENTS.map((segment) => {
      const contacts = figures[`segment_${segment}`] ?? 0;
      return [segment, { contacts, share: rate(contacts, figures.contacts) }];
    }),
  ) as Record<Segment, { contacts: number; share: number | null }>;
  return {
    from: range.from,
    to: range.to,
    contacts: { total: figures.contacts, byChannel },
    ...ratesOf(figures),
    csatDetail: {
      average: ratesOf(figures).csat,
      satisfiedShare: rate(figures.csatSatisfied, figures.csatResponses),
      responses: figures.csatResponses,
    },
    counts: {
      selfServed: figures.selfServed,
      toPerson: figures.toPerson,
      slaJudged: figures.slaJudged,
      slaMet: figures.slaMet,
      resolved: figures.resolved,
      firstContactResolved: figures.firstContactResolved,
    },
    segments,
    cost: {
      ...costOf(
        { selfServiceContacts: figures.contacts - figures.toPerson, agentContacts: figures.toPerson },
        policy.config.costPerContact,
      ),
      policyVersion: policy.version,
    },
  };
}

function timelineSql(bucket: Bucket): string {
  // `bucket` is one of three literals, never user text.
  return `${CONTACTS_CTE},
buckets AS (
  SELECT generate_series(date_trunc('${bucket}', $1::timestamp), $2::timestamp - interval '1 millisecond', interval '1 ${bucket}') AS "start"
)
SELECT b."start", ${FIGURES.replaceAll("count(*)", 'count(c."id")')}
  FROM buckets b
  LEFT JOIN c ON date_trunc('${bucket}', c."createdAt") = b."start"
 GROUP BY b."start"
 ORDER BY b."start"`;
}

/** The figures per day, week or month of the range (by its length), for the report charts. */
export async function getReportTimeline(db: Database, range: ReportRange, now = new Date()) {
  const bucket = bucketFor(range);
  const rows = await db.$queryRawUnsafe<(Figures & { start: Date })[]>(timelineSql(bucket), range.from, range.to, now);
  return {
    bucket,
    points: rows.map((row) => ({
      start: row.start,
      contacts: row.contacts,
      selfServed: row.selfServed,
      toPerson: row.toPerson,
      ...ratesOf(row),
    })),
  };
}
