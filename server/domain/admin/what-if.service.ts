import "server-only";
import { sql } from "kysely";
import type { Database, SqlExecutor } from "../../db/client";
import { minutesBetween } from "../../db/kysely";
import type { RoutingPolicyConfig } from "../routing/policy.schema";
import { getActivePolicy } from "../routing/policy.service";
import type { ValueFacts } from "../value/value-score";
import {
  compareOutageCredits,
  compareRouting,
  type PastContact,
  type PastOutageLine,
  type SegmentBasis,
} from "./what-if";

const DAY_MS = 24 * 60 * 60 * 1000;
export const WHAT_IF_DAYS = 30;

function isValueFacts(value: unknown): value is ValueFacts {
  if (!value || typeof value !== "object") return false;
  const facts = value as Record<string, unknown>;
  return (
    Array.isArray(facts.recentBillTotalsCents) &&
    typeof facts.dueBills === "number" &&
    typeof facts.tenureMonths === "number"
  );
}

/**
 * The contacts of the last `days` days before `now`, with the facts routing needs. One statement:
 * the window's requests with their customer's stored value facts, the gap to the customer's
 * previous request on the same category (through the (customerId, category, createdAt) index)
 * and the real time to first response.
 */
export async function loadPastContacts(db: SqlExecutor, window: { from: Date; to: Date }): Promise<PastContact[]> {
  const rows = await db.$kysely
    .selectFrom("ServiceRequest as r")
    .innerJoin("Customer as c", "c.id", "r.customerId")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("ServiceRequest as p")
          .select("p.createdAt")
          .whereRef("p.customerId", "=", "r.customerId")
          .whereRef("p.category", "=", "r.category")
          .whereRef("p.createdAt", "<", "r.createdAt")
          .orderBy("p.createdAt", "desc")
          .limit(1)
          .as("prev"),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      "r.id",
      "r.number",
      "r.category",
      "r.channel",
      "r.createdAt",
      "r.segmentAtCreation",
      sql<unknown>`${eb.ref("c.valueBreakdown")} -> 'facts'`.as("facts"),
      eb("c.personalManagerId", "is not", null).$castTo<boolean>().as("hasPersonalManager"),
      "r.disputedAmountCents",
      eb("r.incidentId", "is not", null).$castTo<boolean>().as("hadKnownOutage"),
      sql<
        number | null
      >`(EXTRACT(EPOCH FROM (${eb.ref("r.createdAt")} - ${eb.ref("prev.createdAt")})) / 86400)::float8`.as(
        "daysSincePrevious",
      ),
      minutesBetween(eb.fn.coalesce("r.escalatedAt", "r.createdAt"), eb.ref("r.firstResponseAt")).as("responseMinutes"),
    ])
    .where("r.createdAt", ">=", window.from)
    .where("r.createdAt", "<", window.to)
    .orderBy("r.createdAt")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: Number(row.number),
    category: row.category,
    channel: row.channel,
    createdAt: row.createdAt,
    segmentAtCreation: row.segmentAtCreation,
    valueFacts: isValueFacts(row.facts) ? row.facts : null,
    hasPersonalManager: row.hasPersonalManager,
    disputedAmountCents: row.disputedAmountCents,
    daysSincePreviousSameCategory: row.daysSincePrevious,
    hadKnownOutage: row.hadKnownOutage,
    responseMinutes: row.responseMinutes,
  }));
}

/** The lines of the incidents resolved in the window, with what their credit depends on (issue 17). */
export async function loadPastOutageLines(
  db: SqlExecutor,
  window: { from: Date; to: Date },
): Promise<PastOutageLine[]> {
  return db.$kysely
    .selectFrom("Incident as i")
    .innerJoin("IncidentLine as il", "il.incidentId", "i.id")
    .innerJoin("Line as l", "l.id", "il.lineId")
    .innerJoin("Tariff as t", "t.id", "l.tariffId")
    .innerJoin("Customer as c", "c.id", "il.customerId")
    .select([
      "i.id as incidentId",
      "il.lineId",
      "i.startedAt",
      "i.resolvedAt",
      "l.activatedAt",
      "t.monthlyFeeCents",
      "c.billingDay",
    ])
    .where("i.status", "=", "RESOLVED")
    .where("i.resolvedAt", ">=", window.from)
    .where("i.resolvedAt", "<", window.to)
    .$narrowType<{ resolvedAt: Date }>()
    .execute();
}

/**
 * What-if for a draft policy (`admin.policy.whatIf`): the last 30 days of real requests re-routed
 * under the active policy and under the draft, side by side, and the outage credits the incidents
 * resolved in those days get under each. Nothing is saved.
 */
export async function runWhatIf(
  db: Database,
  input: { config: RoutingPolicyConfig; segmentBasis?: SegmentBasis; days?: number },
  now = new Date(),
) {
  const days = input.days ?? WHAT_IF_DAYS;
  const window = { from: new Date(now.getTime() - days * DAY_MS), to: now };
  const [active, contacts, outageLines] = await Promise.all([
    getActivePolicy(db),
    loadPastContacts(db, window),
    loadPastOutageLines(db, window),
  ]);
  const comparison = compareRouting(contacts, active.config, input.config, {
    segmentBasis: input.segmentBasis ?? "RESCORED",
  });
  return {
    ...comparison,
    days,
    from: window.from,
    to: window.to,
    activeVersion: active.version,
    /** The draft's outage credit settings against the active ones on the incidents resolved in the window. */
    outageCredits: compareOutageCredits(outageLines, active.config, input.config),
    currencies: { active: active.config.costPerContact.currency, draft: input.config.costPerContact.currency },
  };
}
