import "server-only";
import type { Prisma, Segment } from "@prisma/client";
import { expressionBuilder, sql, type Expression } from "kysely";
import type { Database, SqlExecutor } from "../../db/client";
import type { DB } from "../../db/kysely";
import { notFound } from "../errors";
import { getActivePolicy } from "../routing/policy.service";
import type { RoutingPolicyConfig } from "../routing/policy.schema";
import { scoreCustomerValue, usageTrendOf, type ValueBreakdown } from "./value-score";

/** Usage is compared over two periods of this many days: the latest against the one before. */
const TREND_PERIOD_DAYS = 60;
const BATCH = 5_000;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/**
 * One set-based statement collects the facts of a batch of customers: the last six bills, payment
 * discipline over twelve months, active lines and kinds, and usage (minutes + MB) in two periods.
 * Every part filters by the batch's ids itself, so the (customerId, ...) indexes are used instead of
 * a scan of all bills per batch. Usage is read per line (a lateral join) through the (lineId, date)
 * index, only the two periods' rows; its "days" are line-days, so the trend compares per-day
 * averages of the customer's lines.
 */
async function collectFacts(db: SqlExecutor, customerIds: string[], now: Date) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const recentFrom = new Date(today.getTime() - TREND_PERIOD_DAYS * DAY_MS);
  const previousFrom = new Date(today.getTime() - 2 * TREND_PERIOD_DAYS * DAY_MS);
  const day = (date: Date) => sql<Date>`${isoDay(date)}::date`;
  const { fn, cast } = expressionBuilder<DB>();
  const inBatch = fn.any(sql<string[]>`${customerIds}::text[]`);
  const int = (value: Expression<unknown>) => cast<number>(value, "integer");
  return db.$kysely
    .with("c", (db) => db.selectFrom("Customer").select(["id", "createdAt"]).where("id", "=", inBatch))
    .with("ranked", (db) =>
      db
        .selectFrom("Bill as b")
        .select((eb) => [
          "b.customerId",
          "b.totalCents",
          eb.fn
            .agg<number>("row_number")
            .over((over) => over.partitionBy("b.customerId").orderBy("b.periodStart", "desc"))
            .as("rn"),
        ])
        .where("b.customerId", "=", inBatch)
        .where("b.status", "<>", "CANCELLED"),
    )
    .with("recent", (db) =>
      db
        .selectFrom("ranked")
        .select((eb) => ["customerId", eb.fn.agg<number[]>("array_agg", ["totalCents"]).orderBy("rn").as("totals")])
        .where("rn", "<=", 6)
        .groupBy("customerId"),
    )
    .with("discipline", (db) =>
      db
        .selectFrom("Bill as b")
        .select((eb) => {
          const isDue = eb("b.dueAt", "<", now);
          return [
            "b.customerId",
            eb.fn.countAll<number>().filterWhere(isDue).as("due"),
            eb.fn
              .countAll<number>()
              .filterWhere(eb.and([isDue, eb("b.paidAt", "is not", null), eb("b.paidAt", "<=", eb.ref("b.dueAt"))]))
              .as("onTime"),
            eb.fn
              .countAll<number>()
              .filterWhere(eb.and([isDue, eb("b.paidCents", "<", eb.ref("b.totalCents"))]))
              .as("overdue"),
          ];
        })
        .where("b.customerId", "=", inBatch)
        .where("b.status", "<>", "CANCELLED")
        .where("b.dueAt", ">=", sql<Date>`${now}::timestamp - interval '12 months'`)
        .groupBy("b.customerId"),
    )
    .with("lines", (db) =>
      db
        .selectFrom("Line as l")
        .select((eb) => [
          "l.customerId",
          eb.fn.countAll<number>().as("active"),
          eb.fn.count<number>("l.kind").distinct().as("kinds"),
        ])
        .where("l.customerId", "=", inBatch)
        .where("l.status", "=", "ACTIVE")
        .groupBy("l.customerId"),
    )
    .with(
      (cte) => cte("batchLines").materialized(),
      (db) => db.selectFrom("Line as l").select(["l.id", "l.customerId"]).where("l.customerId", "=", inBatch),
    )
    .with("usage", (db) =>
      db
        .selectFrom("batchLines as bl")
        .crossJoinLateral((eb) =>
          eb
            .selectFrom("UsageRecord as u")
            .select((eb) => {
              const used = eb.fn.sum<number>(eb("u.minutes", "+", eb.ref("u.dataMb")));
              const isRecent = eb("u.date", ">=", day(recentFrom));
              const isPrevious = eb("u.date", "<", day(recentFrom));
              return [
                eb.fn.coalesce(used.filterWhere(isRecent), eb.lit(0)).as("recentUsage"),
                eb.fn.countAll<number>().filterWhere(isRecent).as("recentDays"),
                eb.fn.coalesce(used.filterWhere(isPrevious), eb.lit(0)).as("previousUsage"),
                eb.fn.countAll<number>().filterWhere(isPrevious).as("previousDays"),
              ];
            })
            .whereRef("u.lineId", "=", "bl.id")
            .where("u.date", ">=", day(previousFrom))
            .where("u.date", "<", day(today))
            .as("x"),
        )
        .select((eb) => [
          "bl.customerId",
          eb.fn.sum<number>("x.recentUsage").as("recentUsage"),
          eb.fn.sum<number>("x.recentDays").as("recentDays"),
          eb.fn.sum<number>("x.previousUsage").as("previousUsage"),
          eb.fn.sum<number>("x.previousDays").as("previousDays"),
        ])
        .groupBy("bl.customerId"),
    )
    .selectFrom("c")
    .leftJoin("recent as r", "r.customerId", "c.id")
    .leftJoin("discipline as d", "d.customerId", "c.id")
    .leftJoin("lines as l", "l.customerId", "c.id")
    .leftJoin("usage as u", "u.customerId", "c.id")
    .select((eb) => [
      "c.id",
      "c.createdAt",
      "r.totals as recentTotals",
      int(eb.fn.coalesce("d.due", eb.lit(0))).as("dueBills"),
      int(eb.fn.coalesce("d.onTime", eb.lit(0))).as("paidOnTime"),
      int(eb.fn.coalesce("d.overdue", eb.lit(0))).as("overdueBills"),
      int(eb.fn.coalesce("l.active", eb.lit(0))).as("activeLines"),
      int(eb.fn.coalesce("l.kinds", eb.lit(0))).as("serviceKinds"),
      eb.cast<number>(eb.fn.coalesce("u.recentUsage", eb.lit(0)), "float8").as("recentUsage"),
      int(eb.fn.coalesce("u.recentDays", eb.lit(0))).as("recentDays"),
      eb.cast<number>(eb.fn.coalesce("u.previousUsage", eb.lit(0)), "float8").as("previousUsage"),
      int(eb.fn.coalesce("u.previousDays", eb.lit(0))).as("previousDays"),
    ])
    .execute();
}

type Facts = Awaited<ReturnType<typeof collectFacts>>[number];

function scoreRow(row: Facts, policy: RoutingPolicyConfig, now: Date): ValueBreakdown {
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
  db: SqlExecutor,
  scored: { id: string; breakdown: StoredBreakdown }[],
  now: Date,
): Promise<void> {
  if (!scored.length) return;
  const scores = sql<{ id: string; score: number; segment: string; breakdown: StoredBreakdown }>`unnest(
    ${scored.map((row) => row.id)}::text[],
    ${scored.map((row) => row.breakdown.score)}::int[],
    ${scored.map((row) => row.breakdown.segment)}::text[],
    ${scored.map((row) => JSON.stringify(row.breakdown))}::jsonb[]
  )`.as<"s">(sql`s(id, score, segment, breakdown)`);
  await db.$kysely
    .updateTable("Customer as c")
    .from(scores)
    .set((eb) => ({
      valueScore: eb.ref("s.score"),
      segment: sql<Segment>`${eb.ref("s.segment")}::"Segment"`,
      valueBreakdown: eb.ref("s.breakdown"),
      valueComputedAt: now,
      updatedAt: now,
    }))
    .whereRef("c.id", "=", "s.id")
    .execute();
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
export async function assignPersonalManagers(db: SqlExecutor): Promise<number> {
  // Orphans go round-robin to the agents, the least loaded first.
  const result = await db.$kysely
    .with("agents", (db) =>
      db
        .selectFrom("User as u")
        .leftJoin("Customer as c", "c.personalManagerId", "u.id")
        .select((eb) => [
          "u.id",
          eb(
            eb.fn.agg<number>("row_number").over((over) => over.orderBy(eb.fn.count("c.id")).orderBy("u.id")),
            "-",
            eb.lit(1),
          ).as("slot"),
          eb.fn.countAll<number>().over().as("n"),
        ])
        .where("u.role", "=", "AGENT")
        .where("u.lockedAt", "is", null)
        .groupBy("u.id"),
    )
    .with("orphans", (db) =>
      db
        .selectFrom("Customer")
        .select((eb) => [
          "id",
          eb(
            eb.fn.agg<number>("row_number").over((over) => over.orderBy("valueScore", "desc").orderBy("id")),
            "-",
            eb.lit(1),
          ).as("k"),
        ])
        .where("segment", "=", "PLATINUM")
        .where("personalManagerId", "is", null)
        .where("status", "<>", "CLOSED"),
    )
    .updateTable("Customer as c")
    .from("orphans as o")
    .innerJoin("agents as a", (join) => join.on((eb) => eb("a.slot", "=", eb("o.k", "%", eb.ref("a.n")))))
    .set((eb) => ({ personalManagerId: eb.ref("a.id") }))
    .whereRef("c.id", "=", "o.id")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The stored breakdown, for agents' customer 360 and the supervisor. */
export function readBreakdown(value: Prisma.JsonValue | null): StoredBreakdown | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  return value as unknown as StoredBreakdown;
}
