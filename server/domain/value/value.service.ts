import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { notFound } from "../errors";
import { getActivePolicy } from "../routing/policy.service";
import type { RoutingPolicyConfig } from "../routing/policy.schema";
import { scoreCustomerValue, usageTrendOf, type ValueBreakdown } from "./value-score";

/** Usage is compared over two periods of this many days: the latest against the one before. */
const TREND_PERIOD_DAYS = 60;
const BATCH = 5_000;

type FactsRow = {
  id: string;
  createdAt: Date;
  recentTotals: number[] | null;
  dueBills: number;
  paidOnTime: number;
  overdueBills: number;
  activeLines: number;
  serviceKinds: number;
  recentUsage: number;
  recentDays: number;
  previousUsage: number;
  previousDays: number;
};

// One set-based statement collects the facts of a batch of customers: the last six bills, payment
// discipline over twelve months, active lines and kinds, and usage (minutes + MB) in two periods.
// Every part filters by the batch's ids itself, so the (customerId, ...) indexes are used instead of
// a scan of all bills per batch. Usage is read per line (a lateral join) through the (lineId, date)
// index, only the two periods' rows; its "days" are line-days, so the trend compares per-day
// averages of the customer's lines.
const FACTS_SQL = `
WITH c AS (
  SELECT "id", "createdAt" FROM "Customer" WHERE "id" = ANY($1::text[])
),
ranked AS (
  SELECT b."customerId", b."totalCents",
         row_number() OVER (PARTITION BY b."customerId" ORDER BY b."periodStart" DESC) AS rn
  FROM "Bill" b
  WHERE b."customerId" = ANY($1::text[]) AND b."status" <> 'CANCELLED'
),
recent AS (
  SELECT "customerId", array_agg("totalCents" ORDER BY rn) AS totals FROM ranked WHERE rn <= 6 GROUP BY 1
),
discipline AS (
  SELECT b."customerId",
         count(*) FILTER (WHERE b."dueAt" < $2::timestamp) AS due,
         count(*) FILTER (WHERE b."dueAt" < $2::timestamp AND b."paidAt" IS NOT NULL AND b."paidAt" <= b."dueAt") AS on_time,
         count(*) FILTER (WHERE b."dueAt" < $2::timestamp AND b."paidCents" < b."totalCents") AS overdue
  FROM "Bill" b
  WHERE b."customerId" = ANY($1::text[]) AND b."status" <> 'CANCELLED' AND b."dueAt" >= $2::timestamp - interval '12 months'
  GROUP BY 1
),
lines AS (
  SELECT l."customerId", count(*) AS active, count(DISTINCT l."kind") AS kinds
  FROM "Line" l
  WHERE l."customerId" = ANY($1::text[]) AND l."status" = 'ACTIVE'
  GROUP BY 1
),
batch_lines AS MATERIALIZED (
  SELECT l."id", l."customerId" FROM "Line" l WHERE l."customerId" = ANY($1::text[])
),
usage AS (
  SELECT bl."customerId",
         sum(x.recent_usage) AS recent_usage, sum(x.recent_days) AS recent_days,
         sum(x.previous_usage) AS previous_usage, sum(x.previous_days) AS previous_days
  FROM batch_lines bl
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(u."minutes" + u."dataMb") FILTER (WHERE u."date" >= $3::date), 0) AS recent_usage,
           count(*) FILTER (WHERE u."date" >= $3::date) AS recent_days,
           coalesce(sum(u."minutes" + u."dataMb") FILTER (WHERE u."date" < $3::date), 0) AS previous_usage,
           count(*) FILTER (WHERE u."date" < $3::date) AS previous_days
    FROM "UsageRecord" u
    WHERE u."lineId" = bl."id" AND u."date" >= $4::date AND u."date" < $5::date
  ) x
  GROUP BY 1
)
SELECT c."id", c."createdAt",
       r.totals AS "recentTotals",
       coalesce(d.due, 0)::int AS "dueBills",
       coalesce(d.on_time, 0)::int AS "paidOnTime",
       coalesce(d.overdue, 0)::int AS "overdueBills",
       coalesce(l.active, 0)::int AS "activeLines",
       coalesce(l.kinds, 0)::int AS "serviceKinds",
       coalesce(u.recent_usage, 0)::float8 AS "recentUsage",
       coalesce(u.recent_days, 0)::int AS "recentDays",
       coalesce(u.previous_usage, 0)::float8 AS "previousUsage",
       coalesce(u.previous_days, 0)::int AS "previousDays"
FROM c
LEFT JOIN recent r ON r."customerId" = c."id"
LEFT JOIN discipline d ON d."customerId" = c."id"
LEFT JOIN lines l ON l."customerId" = c."id"
LEFT JOIN usage u ON u."customerId" = c."id"`;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

async function collectFacts(
  db: Pick<Database, "$queryRawUnsafe">,
  customerIds: string[],
  now: Date,
): Promise<FactsRow[]> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const recentFrom = new Date(today.getTime() - TREND_PERIOD_DAYS * DAY_MS);
  const previousFrom = new Date(today.getTime() - 2 * TREND_PERIOD_DAYS * DAY_MS);
  return db.$queryRawUnsafe<FactsRow[]>(
    FACTS_SQL,
    customerIds,
    now,
    isoDay(recentFrom),
    isoDay(previousFrom),
    isoDay(today),
  );
}

function scoreRow(row: FactsRow, policy: RoutingPolicyConfig, now: Date): ValueBreakdown {
  return scoreCustomerValue(
    {
      recentBillTotalsCents: (row.recentTotals ?? []).map(Number),
      dueBills: row.dueBills,
      paidOnTime: row.paidOnTime,
      overdueBills: row.overdueBills,
      activeLines: row.activeLines,
      serviceKinds: row.serviceKinds,
      tenureMonths: monthsBetween(row.createdAt, now),
      usageTrend: usageTrendOf(
        { total: row.recentUsage, days: row.recentDays },
        { total: row.previousUsage, days: row.previousDays },
      ),
    },
    policy,
  );
}

export type StoredBreakdown = ValueBreakdown & { policyVersion: number; computedAt: string };

async function storeScores(
  db: Pick<Database, "$executeRawUnsafe">,
  scored: { id: string; breakdown: StoredBreakdown }[],
  now: Date,
): Promise<void> {
  if (!scored.length) return;
  await db.$executeRawUnsafe(
    `UPDATE "Customer" AS c
        SET "valueScore" = s.score, "segment" = s.segment::"Segment", "valueBreakdown" = s.breakdown,
            "valueComputedAt" = $5::timestamp, "updatedAt" = $5::timestamp
       FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[]) AS s(id, score, segment, breakdown)
      WHERE c."id" = s.id`,
    scored.map((row) => row.id),
    scored.map((row) => row.breakdown.score),
    scored.map((row) => row.breakdown.segment),
    scored.map((row) => JSON.stringify(row.breakdown)),
    now,
  );
}

/**
 * Recomputes one customer's value score from their data and stores it with its breakdown.
 * Run by the `value:recompute` job (payment, new line, overdue bill) and usable inline.
 */
export async function recomputeCustomerValue(
  db: Database,
  customerId: string,
  now = new Date(),
): Promise<StoredBreakdown> {
  const policy = await getActivePolicy(db);
  const [row] = await collectFacts(db, [customerId], now);
  if (!row) throw notFound("Customer");
  const breakdown: StoredBreakdown = {
    ...scoreRow(row, policy.config, now),
    policyVersion: policy.version,
    computedAt: now.toISOString(),
  };
  await storeScores(db, [{ id: customerId, breakdown }], now);
  return breakdown;
}

/**
 * Recomputes every open customer's value score in batches (the nightly job and the seed), then
 * gives each PLATINUM customer without one a personal manager: the least loaded agent.
 */
export async function recomputeAllValueScores(
  db: Database,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<{ customers: number; bySegment: Record<string, number> }> {
  const now = options.now ?? new Date();
  const policy = await getActivePolicy(db);
  const bySegment: Record<string, number> = { PLATINUM: 0, GOLD: 0, SILVER: 0, BRONZE: 0 };
  let customers = 0;
  let after = "";
  for (;;) {
    const batch = await db.customer.findMany({
      where: { id: { gt: after }, status: { not: "CLOSED" } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    const rows = await collectFacts(
      db,
      batch.map((customer) => customer.id),
      now,
    );
    const scored = rows.map((row) => ({
      id: row.id,
      breakdown: { ...scoreRow(row, policy.config, now), policyVersion: policy.version, computedAt: now.toISOString() },
    }));
    await storeScores(db, scored, now);
    for (const row of scored) bySegment[row.breakdown.segment]! += 1;
    customers += scored.length;
    options.log?.(`[value] ${customers} customers scored`);
  }
  await assignPersonalManagers(db);
  return { customers, bySegment };
}

/** PLATINUM customers are served by a personal manager (DESIGN.md): give one to those without. */
export async function assignPersonalManagers(db: Pick<Database, "$executeRawUnsafe">): Promise<number> {
  return db.$executeRawUnsafe(`
    WITH agents AS (
      SELECT u."id", row_number() OVER (ORDER BY count(c."id"), u."id") - 1 AS slot, count(*) OVER () AS n
      FROM "User" u LEFT JOIN "Customer" c ON c."personalManagerId" = u."id"
      WHERE u."role" = 'AGENT' AND u."lockedAt" IS NULL
      GROUP BY u."id"
    ),
    orphans AS (
      SELECT "id", row_number() OVER (ORDER BY "valueScore" DESC, "id") - 1 AS k
      FROM "Customer" WHERE "segment" = 'PLATINUM' AND "personalManagerId" IS NULL AND "status" <> 'CLOSED'
    )
    UPDATE "Customer" c SET "personalManagerId" = a."id"
      FROM orphans o JOIN agents a ON a.slot = o.k % a.n
     WHERE c."id" = o."id"`);
}

/** The stored breakdown, for agents' customer 360 and the supervisor. */
export function readBreakdown(value: Prisma.JsonValue | null): StoredBreakdown | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  return value as unknown as StoredBreakdown;
}
