import "server-only";
import { expressionBuilder, sql, type Expression, type InferResult, type QueryCreator, type RawBuilder } from "kysely";
import type { Database } from "../../db/client";
import { minutesBetween, type DB } from "../../db/kysely";
import { SEGMENTS, type Segment } from "../routing/policy.schema";
import { getActivePolicy } from "../routing/policy.service";
import type { ReportRange } from "./admin.schema";
import { getIncidentReport } from "./incident-report.service";
import { bucketFor, costOf, rate, roundMinutes } from "./report-math";

export const CHANNELS = ["WEB", "PWA", "PHONE", "PARTNER", "EMAIL"] as const;
export type ReportChannel = (typeof CHANNELS)[number];

/**
 * The contacts of the range — service requests created in [from, to) on every channel, and the line
 * actions of `selectLineActions` — with the
 * flags the figures are counted from:
 * - toPerson: routed to the queue or a personal manager, or escalated from self-service;
 * - selfServed: resolved in self-service (deflected) with no further request from the customer on
 *   the same category within 72 hours of the resolution;
 * - firstContactResolved: resolved (RESOLVED/CLOSED), never reopened, and no further request on the
 *   same category within 7 days of the resolution.
 * The follow-up lookups use the (customerId, category, createdAt) index.
 */
function selectContacts(db: QueryCreator<DB>, range: ReportRange) {
  return db
    .selectFrom("ServiceRequest as s")
    .select((eb) => {
      const followUpWithin = (interval: RawBuilder<unknown>) =>
        eb.exists(
          eb
            .selectFrom("ServiceRequest as n")
            .select("n.id")
            .whereRef("n.customerId", "=", "s.customerId")
            .whereRef("n.category", "=", "s.category")
            .whereRef("n.createdAt", ">", "s.createdAt")
            .where("n.createdAt", "<=", sql<Date>`${eb.ref("s.resolvedAt")} + ${interval}`),
        );
      const isResolved = eb("s.status", "in", ["RESOLVED", "CLOSED"]);
      return [
        "s.id",
        "s.channel",
        eb.ref("s.segmentAtCreation").as("segment"),
        "s.createdAt",
        "s.slaDueAt",
        "s.firstResponseAt",
        "s.resolvedAt",
        "s.claimedAt",
        "s.escalatedAt",
        "s.deflected",
        "s.csat",
        isResolved.$castTo<boolean>().as("isResolved"),
        eb
          .or([eb("s.decision", "<>", "SELF_SERVICE"), eb("s.escalatedAt", "is not", null)])
          .$castTo<boolean>()
          .as("toPerson"),
        eb
          .and([
            eb.ref("s.deflected"),
            eb("s.resolvedAt", "is not", null),
            eb.not(followUpWithin(sql`interval '72 hours'`)),
          ])
          .$castTo<boolean>()
          .as("selfServed"),
        eb
          .and([
            isResolved,
            eb("s.resolvedAt", "is not", null),
            eb("s.reopenedAt", "is", null),
            eb.not(followUpWithin(sql`interval '7 days'`)),
          ])
          .$castTo<boolean>()
          .as("firstContactResolved"),
      ];
    })
    .where("s.createdAt", ">=", range.from)
    .where("s.createdAt", "<", range.to)
    .unionAll(selectLineActions(db, range));
}

/**
 * The everyday line controls (issue 16) are contacts too, each done at once: by the subscriber
 * alone (self-served) or by an agent on their behalf (to a person). They have no SLA, no handling
 * time and no rating, and count as resolved at the first contact.
 */
export const LINE_ACTION_INTERACTIONS = [
  "ADDON_PURCHASE",
  "ADDON_AUTO_RENEW",
  "LINE_BLOCKED",
  "LINE_UNBLOCKED",
  "LINE_SUSPENDED",
  "LINE_RESUMED",
  "AUTOPAY_ENABLED",
  "AUTOPAY_DISABLED",
  "SPEND_LIMIT_SET",
  "SPEND_LIMIT_REMOVED",
  "SIM_REPLACEMENT_ORDERED",
  "SIM_REPLACEMENT_CANCELLED",
  // Chose to be notified of a known outage instead of filing a request (issue 17).
  "INCIDENT_DEFLECTED",
] as const;

function selectLineActions(db: QueryCreator<DB>, range: ReportRange) {
  return db
    .selectFrom("Interaction as i")
    .innerJoin("Customer as cu", "cu.id", "i.customerId")
    .leftJoin("User as u", "u.id", "i.actorId")
    .select((eb) => {
      const byStaff = eb.and([eb("u.role", "is not", null), eb("u.role", "<>", "SUBSCRIBER")]);
      const none = sql<Date | null>`null::timestamp`;
      return [
        "i.id",
        "i.channel",
        eb.ref("cu.segment").as("segment"),
        eb.ref("i.at").as("createdAt"),
        none.as("slaDueAt"),
        none.as("firstResponseAt"),
        eb.ref("i.at").$castTo<Date | null>().as("resolvedAt"),
        none.as("claimedAt"),
        none.as("escalatedAt"),
        eb.not(byStaff).$castTo<boolean>().as("deflected"),
        sql<number | null>`null::int`.as("csat"),
        sql<boolean>`true`.as("isResolved"),
        byStaff.$castTo<boolean>().as("toPerson"),
        eb.not(byStaff).$castTo<boolean>().as("selfServed"),
        sql<boolean>`true`.as("firstContactResolved"),
      ];
    })
    .where("i.type", "in", LINE_ACTION_INTERACTIONS)
    .where("i.at", ">=", range.from)
    .where("i.at", "<", range.to);
}

type Contact = InferResult<ReturnType<typeof selectContacts>>[number];

/**
 * Aggregates over the contacts (the CTE "c"), shared by the overview and each chart bucket. `now`:
 * an SLA still running is not judged yet. `count` counts the contacts: every row, or only those a
 * bucket joined.
 */
function selectFigures(now: Date, counting: "rows" | "contacts") {
  const eb = expressionBuilder<{ c: Contact }, "c">();
  const count = () => (counting === "rows" ? eb.fn.countAll() : eb.fn.count("c.id"));
  const int = (value: Expression<unknown>) => eb.cast<number>(value, "integer");
  return [
    int(count()).as("contacts"),
    int(count().filterWhere("c.selfServed", "=", true)).as("selfServed"),
    int(count().filterWhere("c.toPerson", "=", true)).as("toPerson"),
    int(
      count().filterWhere(
        eb.and([
          eb("c.slaDueAt", "is not", null),
          eb.or([
            eb("c.firstResponseAt", "is not", null),
            eb("c.resolvedAt", "is not", null),
            eb("c.slaDueAt", "<=", now),
          ]),
        ]),
      ),
    ).as("slaJudged"),
    int(
      count().filterWhere(
        eb.and([
          eb("c.slaDueAt", "is not", null),
          eb(eb.fn<Date | null>("least", ["c.firstResponseAt", "c.resolvedAt"]), "<=", eb.ref("c.slaDueAt")),
        ]),
      ),
    ).as("slaMet"),
    eb.fn
      .avg<number | null>(minutesBetween(eb.fn.coalesce("c.escalatedAt", "c.createdAt"), eb.ref("c.firstResponseAt")))
      .filterWhere("c.firstResponseAt", "is not", null)
      .as("firstResponseMinutes"),
    eb.fn
      .avg<number | null>(minutesBetween(eb.ref("c.claimedAt"), eb.ref("c.resolvedAt")))
      .filterWhere(
        eb.and([eb("c.isResolved", "=", true), eb("c.deflected", "=", false), eb("c.claimedAt", "is not", null)]),
      )
      .as("handlingMinutes"),
    int(count().filterWhere("c.isResolved", "=", true)).as("resolved"),
    int(count().filterWhere("c.firstContactResolved", "=", true)).as("firstContactResolved"),
    eb.cast<number | null>(eb.fn.avg("c.csat"), "float8").as("csatAverage"),
    int(eb.fn.count("c.csat")).as("csatResponses"),
    int(count().filterWhere("c.csat", ">=", 4)).as("csatSatisfied"),
  ];
}

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
  const [policy, incidents, figures] = await Promise.all([
    getActivePolicy(db),
    getIncidentReport(db, range),
    db.$kysely
      .with("c", (db) => selectContacts(db, range))
      .selectFrom("c")
      .select(selectFigures(now, "rows"))
      .select((eb) => [
        ...CHANNELS.map((channel) =>
          eb.cast<number>(eb.fn.countAll().filterWhere("c.channel", "=", channel), "integer").as(`channel_${channel}`),
        ),
        ...SEGMENTS.map((segment) =>
          eb.cast<number>(eb.fn.countAll().filterWhere("c.segment", "=", segment), "integer").as(`segment_${segment}`),
        ),
      ])
      .executeTakeFirstOrThrow(),
  ]);
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
    incidents,
    cost: {
      ...costOf(
        { selfServiceContacts: figures.contacts - figures.toPerson, agentContacts: figures.toPerson },
        policy.config.costPerContact,
      ),
      policyVersion: policy.version,
    },
  };
}

/** The figures per day, week or month of the range (by its length), for the report charts. */
export async function getReportTimeline(db: Database, range: ReportRange, now = new Date()) {
  const bucket = bucketFor(range);
  const rows = await db.$kysely
    .with("c", (db) => selectContacts(db, range))
    .with("buckets", (db) =>
      db.selectNoFrom(
        sql<Date>`generate_series(date_trunc(${sql.lit(bucket)}, ${range.from}::timestamp), ${range.to}::timestamp - interval '1 millisecond', ${sql.lit(`1 ${bucket}`)}::interval)`.as(
          "start",
        ),
      ),
    )
    .selectFrom("buckets as b")
    .leftJoin("c", (join) =>
      join.on((eb) => eb(eb.fn<Date>("date_trunc", [sql.lit(bucket), "c.createdAt"]), "=", eb.ref("b.start"))),
    )
    .select("b.start")
    .select(selectFigures(now, "contacts"))
    .groupBy("b.start")
    .orderBy("b.start")
    .execute();
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
