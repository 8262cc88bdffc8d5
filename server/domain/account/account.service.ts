import "server-only";
import { serviceAreaOf } from "../incident/incident-area";
import type { Database } from "../../db/client";
import { notFound } from "../errors";
import { OPEN_CHANGE_STATUSES } from "../tariff/tariff-change-status";
import { currentCycle, DAY_MS, startOfUtcDay } from "../billing/cycle";
import { rateLines } from "../usage/line-rating.service";
import { spendLimitViews, type SpendLimitView } from "../spend/spend.service";
import { accountAlerts } from "./account-alerts";

export type Allowance = { used: number; included: number | null };

export const USAGE_CHART_DAYS = 30;

function spendOf(view: SpendLimitView | undefined) {
  return {
    limitCents: view?.limitCents ?? null,
    spentCents: view?.spentCents ?? null,
    leftCents: view?.leftCents ?? null,
    barred: view?.barred ?? false,
    pending: view?.pending ?? false,
    alert: view?.alert ?? null,
  };
}

/**
 * The subscriber's account at a glance, scoped to their own customer: balance, next bill date,
 * each line with its tariff and usage against the allowance this cycle (add-on packs included), the
 * add-ons in force, the daily usage of the last 30 days, any scheduled tariff change, the
 * provisioning commands not yet applied by the network (`pendingCommands`), and the alerts
 * (overdue bills, allowances 80% used).
 */
export async function getAccountSummary(db: Database, customerId: string, now = new Date()) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    include: {
      lines: {
        where: { status: { not: "TERMINATED" } },
        include: {
          tariff: true,
          tariffChanges: {
            where: { status: { in: OPEN_CHANGE_STATUSES } },
            include: {
              toTariff: { select: { id: true, code: true, name: true, nameEn: true, monthlyFeeCents: true } },
            },
          },
          // Provisioning the network has not applied yet: the UI shows the line "in progress".
          provisioningCommands: {
            where: { status: { not: "DONE" } },
            select: { id: true, kind: true, status: true, createdAt: true },
            orderBy: { createdAt: "asc" },
          },
        },
        orderBy: { activatedAt: "asc" },
      },
    },
  });
  if (!customer) throw notFound("Customer");

  const cycle = currentCycle(customer.billingDay, now);
  const lineIds = customer.lines.map((line) => line.id);
  const chartFrom = new Date(startOfUtcDay(now).getTime() - (USAGE_CHART_DAYS - 1) * DAY_MS);
  // The cycle so far rated against the add-ons: the usage as it came (the bars), what each pack has
  // covered, and roaming priced by zone.
  const [{ rated }, daily, unpaidBills, lastBill, addons] = await Promise.all([
    rateLines(db, lineIds, cycle),
    db.usageRecord.findMany({
      where: { lineId: { in: lineIds }, date: { gte: chartFrom, lte: now } },
      select: { lineId: true, date: true, minutes: true, sms: true, dataMb: true },
      orderBy: { date: "asc" },
    }),
    db.bill.findMany({
      where: { customerId, status: { in: ["ISSUED", "PARTIALLY_PAID", "OVERDUE"] } },
      select: { id: true, number: true, totalCents: true, paidCents: true, dueAt: true, status: true },
      orderBy: { dueAt: "asc" },
    }),
    db.bill.findFirst({
      where: { customerId },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      select: { id: true, number: true, totalCents: true, paidCents: true, dueAt: true, status: true, issuedAt: true },
    }),
    db.lineAddon.findMany({
      where: { lineId: { in: lineIds }, status: "ACTIVE", startsAt: { lte: now }, endsAt: { gt: now } },
      select: {
        id: true,
        lineId: true,
        dataMb: true,
        minutes: true,
        endsAt: true,
        addon: {
          select: { kind: true, name: true, nameEn: true, zone: { select: { id: true, name: true, nameEn: true } } },
        },
      },
      orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    }),
  ]);
  // The cycle is rated once: the spend views price the rating above instead of rating again.
  const spendByLine = await spendLimitViews(db, customer.lines, now, rated);

  const lines = customer.lines.map((line) => {
    const pending = line.tariffChanges[0];
    const lineAddons = addons.filter((purchase) => purchase.lineId === line.id);
    // Home packs add to the tariff's allowance (unlimited stays unlimited); a roaming pass is used abroad.
    const home = lineAddons.filter((purchase) => purchase.addon.kind !== "ROAMING");
    const extra = (included: number | null, of: "dataMb" | "minutes") =>
      included === null ? null : included + home.reduce((sum, purchase) => sum + (purchase[of] ?? 0), 0);
    const rating = rated.get(line.id);
    const used = rating?.used;
    return {
      id: line.id,
      kind: line.kind,
      msisdn: line.msisdn,
      address: line.address,
      status: line.status,
      serviceArea: serviceAreaOf(line),
      suspendedUntil: line.suspendedUntil,
      pendingCommands: line.provisioningCommands,
      tariff: {
        id: line.tariff.id,
        code: line.tariff.code,
        name: line.tariff.name,
        nameEn: line.tariff.nameEn,
        monthlyFeeCents: line.tariff.monthlyFeeCents,
      },
      usage: {
        minutes: { used: used?.minutes ?? 0, included: extra(line.tariff.minutes, "minutes") } satisfies Allowance,
        sms: { used: used?.sms ?? 0, included: line.tariff.sms } satisfies Allowance,
        dataMb: { used: used?.dataMb ?? 0, included: extra(line.tariff.dataMb, "dataMb") } satisfies Allowance,
      },
      /** Add-ons in force: packs (already in the allowances above) and roaming passes. */
      addons: lineAddons.map((purchase) => ({
        id: purchase.id,
        kind: purchase.addon.kind,
        name: purchase.addon.name,
        nameEn: purchase.addon.nameEn,
        zone: purchase.addon.zone,
        dataMb: purchase.dataMb,
        minutes: purchase.minutes,
        used: rating?.packUse.get(purchase.id) ?? { dataMb: 0, minutes: 0 },
        endsAt: purchase.endsAt,
      })),
      /** Usage abroad this cycle that no pass covered, priced at the zones' rates (on the next bill). */
      roaming: {
        chargedCents: rating?.roamingCents ?? 0,
        byZone: (rating?.roaming ?? []).map(({ zoneId, dataMb, minutes, sms, cents }) => ({
          zoneId,
          dataMb,
          minutes,
          sms,
          cents,
        })),
      },
      /** The monthly cap on extras and the spend against it this cycle (`limitCents` null: no cap). */
      spendLimit: spendOf(spendByLine.get(line.id)),
      /** The open change: scheduled (PENDING, cancellable) or waiting for the network (PROVISIONING). */
      pendingChange: pending
        ? { id: pending.id, status: pending.status, effectiveAt: pending.effectiveAt, toTariff: pending.toTariff }
        : null,
      dailyUsage: daily
        .filter((row) => row.lineId === line.id)
        .map((row) => ({
          date: row.date.toISOString().slice(0, 10),
          minutes: row.minutes,
          sms: row.sms,
          dataMb: row.dataMb,
        })),
    };
  });

  return {
    customerId: customer.id,
    accountNumber: customer.accountNumber,
    name: `${customer.firstName} ${customer.lastName}`,
    balanceCents: customer.balanceCents,
    currency: customer.currency,
    nextBillDate: cycle.end,
    cycleStart: cycle.start,
    lastBill,
    lines,
    alerts: accountAlerts({ unpaidBills, lines, now }),
  };
}
