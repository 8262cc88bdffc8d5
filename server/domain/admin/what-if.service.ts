import type { Database } from "../../db/client";
import type { Category, RoutingPolicyConfig, Segment } from "../routing/policy.schema";
import { getActivePolicy } from "../routing/policy.service";
import type { ValueFacts } from "../value/value-score";
import { compareRouting, type PastContact, type SegmentBasis } from "./what-if";

const DAY_MS = 24 * 60 * 60 * 1000;
export const WHAT_IF_DAYS = 30;

type Row = {
  id: string;
  number: number;
  category: Category;
  channel: string;
  createdAt: Date;
  segmentAtCreation: Segment;
  facts: ValueFacts | null;
  hasPersonalManager: boolean;
  disputedAmountCents: number | null;
  daysSincePrevious: number | null;
  responseMinutes: number | null;
};

// One statement: the window's requests with their customer's stored value facts, the gap to the
// customer's previous request on the same category (through the (customerId, category, createdAt)
// index) and the real time to first response.
const CONTACTS_SQL = `
SELECT r."id", r."number", r."category"::text AS "category", r."channel"::text AS "channel", r."createdAt",
       r."segmentAtCreation"::text AS "segmentAtCreation",
       c."valueBreakdown" -> 'facts' AS "facts",
       (c."personalManagerId" IS NOT NULL) AS "hasPersonalManager",
       r."disputedAmountCents",
       (EXTRACT(EPOCH FROM (r."createdAt" - prev."createdAt")) / 86400)::float8 AS "daysSincePrevious",
       CASE WHEN r."firstResponseAt" IS NOT NULL
            THEN (EXTRACT(EPOCH FROM (r."firstResponseAt" - coalesce(r."escalatedAt", r."createdAt"))) / 60)::float8 END AS "responseMinutes"
  FROM "ServiceRequest" r
  JOIN "Customer" c ON c."id" = r."customerId"
  LEFT JOIN LATERAL (
    SELECT p."createdAt" FROM "ServiceRequest" p
     WHERE p."customerId" = r."customerId" AND p."category" = r."category" AND p."createdAt" < r."createdAt"
     ORDER BY p."createdAt" DESC LIMIT 1
  ) prev ON true
 WHERE r."createdAt" >= $1 AND r."createdAt" < $2
 ORDER BY r."createdAt"`;

function isValueFacts(value: unknown): value is ValueFacts {
  if (!value || typeof value !== "object") return false;
  const facts = value as Record<string, unknown>;
  return (
    Array.isArray(facts.recentBillTotalsCents) &&
    typeof facts.dueBills === "number" &&
    typeof facts.tenureMonths === "number"
  );
}

/** The contacts of the last `days` days before `now`, with the facts routing needs. */
export async function loadPastContacts(
  db: Pick<Database, "$queryRawUnsafe">,
  window: { from: Date; to: Date },
): Promise<PastContact[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(CONTACTS_SQL, window.from, window.to);
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
    responseMinutes: row.responseMinutes,
  }));
}

/**
 * What-if for a draft policy (`admin.policy.whatIf`): the last 30 days of real requests re-routed
 * under the active policy and under the draft, side by side. Nothing is saved.
 */
export async function runWhatIf(
  db: Database,
  input: { config: RoutingPolicyConfig; segmentBasis?: SegmentBasis; days?: number },
  now = new Date(),
) {
  const days = input.days ?? WHAT_IF_DAYS;
  const window = { from: new Date(now.getTime() - days * DAY_MS), to: now };
  const [active, contacts] = await Promise.all([getActivePolicy(db), loadPastContacts(db, window)]);
  const comparison = compareRouting(contacts, active.config, input.config, {
    segmentBasis: input.segmentBasis ?? "RESCORED",
  });
  return {
    ...comparison,
    days,
    from: window.from,
    to: window.to,
    activeVersion: active.version,
    currencies: { active: active.config.costPerContact.currency, draft: input.config.costPerContact.currency },
  };
}
