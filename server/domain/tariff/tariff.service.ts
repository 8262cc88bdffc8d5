import "server-only";
import type { Role, Tariff } from "@prisma/client";
import type { Database } from "../../db/client";
import { currentCycle, previousCycle, startOfUtcDay } from "../billing/cycle";
import type { Usage } from "../billing/price-usage";
import { notFound } from "../errors";
import { recommendTariff } from "./recommend-tariff";
import { OPEN_CHANGE_STATUSES } from "./tariff-change-status";
import { checkCatalogueEligibility, checkEligibility, type IneligibilityReason } from "./tariff-eligibility";

export type Viewer = { role: Role; customerId: string | null };

function publicTariff(tariff: Tariff) {
  return {
    id: tariff.id,
    code: tariff.code,
    name: tariff.name,
    nameEn: tariff.nameEn,
    description: tariff.description,
    descriptionEn: tariff.descriptionEn,
    kind: tariff.kind,
    monthlyFeeCents: tariff.monthlyFeeCents,
    currency: tariff.currency,
    minutes: tariff.minutes,
    sms: tariff.sms,
    dataMb: tariff.dataMb,
    minuteCents: tariff.minuteCents,
    smsCents: tariff.smsCents,
    dataBlockCents: tariff.dataBlockCents,
    minTermMonths: tariff.minTermMonths,
    openToSegments: tariff.openToSegments,
    status: tariff.status,
  };
}

async function customerLinesOrThrow(db: Database, customerId: string) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      status: true,
      segment: true,
      billingDay: true,
      lines: {
        where: { status: { not: "TERMINATED" } },
        include: {
          tariff: true,
          tariffChanges: { where: { status: { in: OPEN_CHANGE_STATUSES } }, select: { id: true } },
        },
        orderBy: { activatedAt: "asc" },
      },
    },
  });
  if (!customer) throw notFound("Customer");
  return customer;
}

/**
 * The catalogue with `eligible` and `reasons`. A subscriber sees each tariff judged for the given
 * line (a foreign line is NOT_FOUND) or, without one, for their first line of the tariff's kind;
 * staff and dealers see what can be sold to a new subscriber.
 */
export async function listTariffs(db: Database, input: { viewer: Viewer; lineId?: string; now?: Date }) {
  const now = input.now ?? new Date();
  const tariffs = await db.tariff.findMany({ orderBy: [{ kind: "asc" }, { monthlyFeeCents: "asc" }] });

  if (input.viewer.role !== "SUBSCRIBER" || !input.viewer.customerId) {
    if (input.lineId) throw notFound("Line");
    const items = tariffs
      .filter((tariff) => tariff.status === "ACTIVE")
      .map((tariff) => ({
        ...publicTariff(tariff),
        ...eligibilityView(checkCatalogueEligibility(tariff)),
        isCurrent: false,
      }));
    return { items, nextCursor: null, lineId: null };
  }

  const customer = await customerLinesOrThrow(db, input.viewer.customerId);
  const chosen = input.lineId ? customer.lines.find((line) => line.id === input.lineId) : undefined;
  if (input.lineId && !chosen) throw notFound("Line");
  const effectiveAt = now;
  const items = tariffs
    .filter((tariff) => tariff.status === "ACTIVE" || customer.lines.some((line) => line.tariffId === tariff.id))
    .map((tariff) => {
      const line = chosen ?? customer.lines.find((candidate) => candidate.kind === tariff.kind);
      if (!line)
        return {
          ...publicTariff(tariff),
          eligible: false,
          reasons: ["NO_LINE_OF_THIS_KIND" as const],
          minTermEndsAt: null,
          isCurrent: false,
        };
      const eligibility = checkEligibility({
        customer,
        line,
        currentTariff: line.tariff,
        target: tariff,
        hasPendingChange: line.tariffChanges.length > 0,
        effectiveAt,
      });
      return { ...publicTariff(tariff), ...eligibilityView(eligibility), isCurrent: line.tariffId === tariff.id };
    });
  return { items, nextCursor: null, lineId: chosen?.id ?? null };
}

function eligibilityView(eligibility: {
  eligible: boolean;
  reasons: IneligibilityReason[];
  minTermEndsAt: Date | null;
}) {
  return {
    eligible: eligibility.eligible,
    reasons: eligibility.reasons as (IneligibilityReason | "NO_LINE_OF_THIS_KIND")[],
    minTermEndsAt: eligibility.minTermEndsAt,
  };
}

export const RECOMMENDATION_MONTHS = 3;

/**
 * What the line's actual usage of the last three complete cycles would have cost on each tariff it
 * may switch to, and the cheapest one if it beats the current tariff ("you would save 240 ₽ a month").
 */
export async function recommendForLine(db: Database, input: { customerId: string; lineId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const customer = await customerLinesOrThrow(db, input.customerId);
  const line = customer.lines.find((candidate) => candidate.id === input.lineId);
  if (!line) throw notFound("Line");

  // The last complete cycles in which the line was active throughout.
  const cycles: { start: Date; end: Date }[] = [];
  let cycle = previousCycle(customer.billingDay, now);
  while (cycles.length < RECOMMENDATION_MONTHS && startOfUtcDay(line.activatedAt).getTime() <= cycle.start.getTime()) {
    cycles.push(cycle);
    cycle = currentCycle(customer.billingDay, new Date(cycle.start.getTime() - 1));
  }
  const usageRows = cycles.length
    ? await db.usageRecord.findMany({
        where: { lineId: line.id, date: { gte: cycles[cycles.length - 1]!.start, lt: cycles[0]!.end } },
        select: { date: true, minutes: true, sms: true, dataMb: true },
      })
    : [];
  const months: Usage[] = cycles
    .map((c) => {
      const rows = usageRows.filter((row) => row.date >= c.start && row.date < c.end);
      return {
        days: rows.length,
        usage: rows.reduce(
          (sum, row) => ({
            minutes: sum.minutes + row.minutes,
            sms: sum.sms + row.sms,
            dataMb: sum.dataMb + row.dataMb,
          }),
          { minutes: 0, sms: 0, dataMb: 0 },
        ),
      };
    })
    .filter((month) => month.days > 0)
    .map((month) => month.usage);

  const tariffs = await db.tariff.findMany({ where: { status: "ACTIVE", kind: line.kind } });
  const effectiveAt = currentCycle(customer.billingDay, now).end;
  const eligibleTariffs = tariffs.filter(
    (tariff) =>
      checkEligibility({
        customer,
        line,
        currentTariff: line.tariff,
        target: tariff,
        hasPendingChange: false,
        effectiveAt,
      }).eligible,
  );
  const result = recommendTariff(line.tariff, eligibleTariffs, months);
  const byId = new Map(tariffs.map((tariff) => [tariff.id, tariff]));
  const named = <T extends { tariffId: string }>(priced: T) => {
    const tariff = byId.get(priced.tariffId) ?? line.tariff;
    return {
      ...priced,
      tariff: {
        id: tariff.id,
        code: tariff.code,
        name: tariff.name,
        nameEn: tariff.nameEn,
        monthlyFeeCents: tariff.monthlyFeeCents,
      },
    };
  };
  return {
    lineId: line.id,
    monthsPriced: months.length,
    periods: cycles.slice(0, months.length).map((c) => ({ start: c.start, end: c.end })),
    usage: months,
    current: named(result.current),
    options: result.options.map(named),
    best: result.best ? named(result.best) : null,
  };
}
