import "server-only";
import type { Database, Transaction } from "../../db/client";
import { priceOverage } from "../billing/price-usage";

type Reader = Pick<Database, "line" | "usageRecord"> | Transaction;

/**
 * The usage overage of a line so far in the billing cycle, in kopecks: the cycle's daily totals
 * priced against the line's tariff. The one place the spending limit rates usage (the rating of
 * add-on allowances and roaming replaces its inside; callers depend only on this signature).
 * Cost: one aggregate over at most a cycle's UsageRecord rows of the line (the (lineId, date) index).
 */
export async function overageSoFarCents(db: Reader, lineId: string, cycle: { start: Date; end: Date }) {
  // One after the other: the caller may pass a transaction, which runs one query at a time.
  const line = await db.line.findUniqueOrThrow({ where: { id: lineId }, select: { tariff: true } });
  const sums = await db.usageRecord.aggregate({
    where: { lineId, date: { gte: cycle.start, lt: cycle.end } },
    _sum: { minutes: true, sms: true, dataMb: true },
  });
  const usage = { minutes: sums._sum.minutes ?? 0, sms: sums._sum.sms ?? 0, dataMb: sums._sum.dataMb ?? 0 };
  return priceOverage(line.tariff, usage).totalCents;
}
