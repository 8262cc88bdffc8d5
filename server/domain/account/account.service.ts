import type { Database } from "../../db/client";
import { notFound } from "../errors";
import { currentCycle } from "../billing/cycle";

export type Allowance = { used: number; included: number | null };

/** The subscriber's account at a glance, scoped to their own customer. */
export async function getAccountSummary(db: Database, customerId: string, now = new Date()) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    include: {
      lines: { where: { status: { not: "TERMINATED" } }, include: { tariff: true }, orderBy: { activatedAt: "asc" } },
    },
  });
  if (!customer) throw notFound("Customer");

  const cycle = currentCycle(customer.billingDay, now);
  const usage = await db.usageRecord.groupBy({
    by: ["lineId"],
    where: { lineId: { in: customer.lines.map((line) => line.id) }, date: { gte: cycle.start, lt: cycle.end } },
    _sum: { minutes: true, sms: true, dataMb: true },
  });
  const usageByLine = new Map(usage.map((row) => [row.lineId, row._sum]));

  return {
    customerId: customer.id,
    accountNumber: customer.accountNumber,
    name: `${customer.firstName} ${customer.lastName}`,
    segment: customer.segment,
    balanceCents: customer.balanceCents,
    currency: customer.currency,
    nextBillDate: cycle.end,
    cycleStart: cycle.start,
    lines: customer.lines.map((line) => {
      const used = usageByLine.get(line.id);
      return {
        id: line.id,
        kind: line.kind,
        msisdn: line.msisdn,
        address: line.address,
        status: line.status,
        tariff: {
          id: line.tariff.id,
          code: line.tariff.code,
          name: line.tariff.name,
          nameEn: line.tariff.nameEn,
          monthlyFeeCents: line.tariff.monthlyFeeCents,
        },
        usage: {
          minutes: { used: used?.minutes ?? 0, included: line.tariff.minutes } satisfies Allowance,
          sms: { used: used?.sms ?? 0, included: line.tariff.sms } satisfies Allowance,
          dataMb: { used: used?.dataMb ?? 0, included: line.tariff.dataMb } satisfies Allowance,
        },
      };
    }),
  };
}
