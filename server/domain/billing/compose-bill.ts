import { localeOrDefault, type AppLocale } from "../../i18n/locales";
import { translatorFor } from "../../i18n/translator";
import { tariffNameIn } from "../tariff/tariff-name";
import { taxOn } from "./bill-math";
import { daysBetween, startOfUtcDay } from "./cycle";
import { priceOverage, type TariffPrice, type Usage } from "./price-usage";
import { prorate } from "../tariff/proration";

export type BillItemKind = "SUBSCRIPTION" | "OVERAGE" | "PRORATION" | "ADJUSTMENT" | "ONE_OFF" | "TAX";

export type BillItem = {
  /** Set when the bill line's id must be known before it is written (an add-on purchase points at it). */
  id?: string;
  lineId: string | null;
  kind: BillItemKind;
  description: string;
  quantity: number | null;
  amountCents: number;
};

export type AppliedChange = {
  effective: "IMMEDIATE" | "NEXT_CYCLE";
  effectiveAt: Date;
  from: TariffPrice;
  to: TariffPrice;
  /** As stored on the change: what the customer saw in the preview. */
  creditCents: number;
  chargeCents: number;
};

export type LineToBill = {
  id: string;
  msisdn: string | null;
  activatedAt: Date;
  /** The line's tariff now. */
  currentTariff: TariffPrice;
  /** Applied changes effective at or after the period start, oldest first. */
  changes: AppliedChange[];
  /** Domestic usage by day, after the add-on packs took their part. */
  dailyUsage: (Usage & { date: Date })[];
  /** Usage abroad no pass covered, priced per zone (zoneName null: a country in no zone). */
  roaming?: { zoneName: string | null; minutes: number; sms: number; dataMb: number; cents: number }[];
};

export type Period = { start: Date; end: Date };

function dayMonth(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, "0")}.${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function msisdnLabel(msisdn: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : msisdn;
}

/** The tariff in force at the period start: a change that took effect later reveals what came before it. */
export function tariffAtStart(line: Pick<LineToBill, "currentTariff" | "changes">, period: Period): TariffPrice {
  const later = line.changes.find(
    (change) =>
      change.effectiveAt.getTime() > period.start.getTime() ||
      (change.effective === "IMMEDIATE" && change.effectiveAt.getTime() >= period.start.getTime()),
  );
  return later ? later.from : line.currentTariff;
}

function sumUsage(rows: LineToBill["dailyUsage"], from: Date, to: Date): Usage {
  const usage = { minutes: 0, sms: 0, dataMb: 0 };
  for (const row of rows) {
    if (row.date.getTime() < from.getTime() || row.date.getTime() >= to.getTime()) continue;
    usage.minutes += row.minutes;
    usage.sms += row.sms;
    usage.dataMb += row.dataMb;
  }
  return usage;
}

function composeLine(line: LineToBill, period: Period, locale: AppLocale, label: string): BillItem[] {
  const t = translatorFor(locale, "billLines");
  const cycleDays = daysBetween(period.start, period.end);
  const name = (tariff: TariffPrice) => tariffNameIn(tariff, locale);
  const items: BillItem[] = [];
  const first = tariffAtStart(line, period);
  const activatedDay = startOfUtcDay(line.activatedAt);
  const isPartialMonth = activatedDay.getTime() > period.start.getTime();
  const servedFrom = isPartialMonth ? activatedDay : period.start;

  if (!isPartialMonth) {
    items.push({
      lineId: line.id,
      kind: "SUBSCRIPTION",
      description: t("fee", { tariff: name(first) }) + label,
      quantity: 1,
      amountCents: first.monthlyFeeCents,
    });
  } else {
    const days = daysBetween(activatedDay, period.end);
    items.push({
      lineId: line.id,
      kind: "PRORATION",
      description: t("partialFee", { tariff: name(first), days, cycleDays }) + label,
      quantity: days,
      amountCents: prorate(first.monthlyFeeCents, days, cycleDays),
    });
  }

  // Tariff segments: the tariff at the start, then one per immediate change inside the period.
  const segments: { tariff: TariffPrice; from: Date; to: Date }[] = [
    { tariff: first, from: servedFrom, to: period.end },
  ];
  for (const change of line.changes) {
    const at = change.effectiveAt.getTime();
    if (change.effective !== "IMMEDIATE" || at < period.start.getTime() || at >= period.end.getTime()) continue;
    const since = startOfUtcDay(change.effectiveAt);
    const days = daysBetween(since, period.end);
    items.push({
      lineId: line.id,
      kind: "PRORATION",
      description: t("credit", { tariff: name(change.from), since: dayMonth(since), days }) + label,
      quantity: days,
      amountCents: -change.creditCents,
    });
    items.push({
      lineId: line.id,
      kind: "PRORATION",
      description: t("charge", { tariff: name(change.to), since: dayMonth(since), days }) + label,
      quantity: days,
      amountCents: change.chargeCents,
    });
    const current = segments[segments.length - 1]!;
    const splitAt = since.getTime() > current.from.getTime() ? since : current.from;
    current.to = splitAt;
    segments.push({ tariff: change.to, from: splitAt, to: period.end });
  }

  const overage = { minutes: 0, sms: 0, dataBlocks: 0, minutesCents: 0, smsCents: 0, dataCents: 0 };
  for (const segment of segments) {
    const days = daysBetween(segment.from, segment.to);
    if (days <= 0) continue;
    const result = priceOverage(segment.tariff, sumUsage(line.dailyUsage, segment.from, segment.to), days / cycleDays);
    overage.minutes += result.minutes;
    overage.sms += result.sms;
    overage.dataBlocks += result.dataBlocks;
    overage.minutesCents += result.minutesCents;
    overage.smsCents += result.smsCents;
    overage.dataCents += result.dataCents;
  }
  if (overage.minutesCents > 0)
    items.push({
      lineId: line.id,
      kind: "OVERAGE",
      description: t("minutes", { minutes: overage.minutes }) + label,
      quantity: overage.minutes,
      amountCents: overage.minutesCents,
    });
  if (overage.smsCents > 0)
    items.push({
      lineId: line.id,
      kind: "OVERAGE",
      description: t("sms", { sms: overage.sms }) + label,
      quantity: overage.sms,
      amountCents: overage.smsCents,
    });
  if (overage.dataCents > 0)
    items.push({
      lineId: line.id,
      kind: "OVERAGE",
      description: t("data", { blocks: overage.dataBlocks }) + label,
      quantity: overage.dataBlocks,
      amountCents: overage.dataCents,
    });
  for (const charge of line.roaming ?? []) {
    if (charge.cents <= 0) continue;
    items.push({
      lineId: line.id,
      kind: "OVERAGE",
      description:
        t(charge.zoneName ? "roaming" : "roamingNoZone", {
          zone: charge.zoneName ?? "",
          dataMb: charge.dataMb,
          minutes: charge.minutes,
          sms: charge.sms,
        }) + label,
      quantity: null,
      amountCents: charge.cents,
    });
  }
  return items;
}

export type AddonPurchaseToBill = {
  id: string;
  lineId: string;
  msisdn: string | null;
  /** The add-on's Russian name, as bill lines are stored in Russian. */
  name: string;
  priceCents: number;
  boughtAt: Date;
};

/** One ONE_OFF bill line per add-on purchase, named with the add-on and the day it was bought. */
export function addonBillItems(
  purchases: AddonPurchaseToBill[],
  isMany: boolean,
  locale: string,
): { purchaseId: string; item: BillItem }[] {
  const t = translatorFor(localeOrDefault(locale), "billLines");
  return purchases.map((purchase) => ({
    purchaseId: purchase.id,
    item: {
      lineId: purchase.lineId,
      kind: "ONE_OFF",
      description:
        t("addon", { addon: purchase.name, day: dayMonth(purchase.boughtAt) }) +
        (isMany && purchase.msisdn ? ` (${msisdnLabel(purchase.msisdn)})` : ""),
      quantity: 1,
      amountCents: purchase.priceCents,
    },
  }));
}

/**
 * One customer's bill for a period: per line the fee (or the part of it from activation), the
 * proration of every immediate tariff change, the overage priced per tariff segment with the
 * allowance shared by days, then tax on the subtotal. The items, tax line included, add up to
 * the total by construction.
 */
export function composeBill(input: {
  period: Period;
  lines: LineToBill[];
  taxRateBps: number;
  locale: string;
  extraItems?: BillItem[];
}) {
  const locale = localeOrDefault(input.locale);
  const t = translatorFor(locale, "billLines");
  const eligible = input.lines.filter((line) => line.activatedAt.getTime() < input.period.end.getTime());
  const isMany = eligible.length > 1;
  const items = eligible.flatMap((line) => {
    const label = isMany ? ` (${line.msisdn ? msisdnLabel(line.msisdn) : t("homeInternet")})` : "";
    return composeLine(line, input.period, locale, label);
  });
  items.push(...(input.extraItems ?? []));
  const subtotalCents = items.reduce((sum, item) => sum + item.amountCents, 0);
  const taxCents = taxOn(subtotalCents, input.taxRateBps);
  const tax: BillItem = {
    lineId: null,
    kind: "TAX",
    description: t("tax", { percent: input.taxRateBps / 100 }),
    quantity: null,
    amountCents: taxCents,
  };
  return {
    items: [...items, tax],
    subtotalCents,
    taxCents,
    totalCents: subtotalCents + taxCents,
    hasService: eligible.length > 0,
  };
}

export type SuspensionFeeToBill = {
  commandId: string;
  lineId: string;
  msisdn: string | null;
  days: number;
  /** The day the network confirmed the suspension. */
  since: Date;
  feeCents: number;
};

/** One ONE_OFF bill line per voluntary suspension with a fee, as previewed before it was confirmed. */
export function suspensionBillItems(
  fees: SuspensionFeeToBill[],
  isMany: boolean,
  locale: string,
): { commandId: string; item: BillItem }[] {
  const t = translatorFor(localeOrDefault(locale), "billLines");
  return fees.map((fee) => ({
    commandId: fee.commandId,
    item: {
      lineId: fee.lineId,
      kind: "ONE_OFF",
      description:
        t("suspension", { days: fee.days, since: dayMonth(fee.since) }) +
        (isMany && fee.msisdn ? ` (${msisdnLabel(fee.msisdn)})` : ""),
      quantity: fee.days,
      amountCents: fee.feeCents,
    },
  }));
}

export type OutageCreditToBill = {
  creditId: string;
  lineId: string;
  msisdn: string | null;
  incidentNumber: number;
  minutes: number;
  /** When the outage began (the incident's start, or the line's activation if later). */
  startedAt: Date;
  amountCents: number;
};

/** Outage credits (issue 17) as ADJUSTMENT lines: negative, one per incident and line, named as such. */
export function outageCreditBillItems(
  credits: OutageCreditToBill[],
  isMany: boolean,
  locale: string,
): { creditId: string; item: BillItem }[] {
  const t = translatorFor(localeOrDefault(locale), "billLines");
  return credits.map((credit) => ({
    creditId: credit.creditId,
    item: {
      lineId: credit.lineId,
      kind: "ADJUSTMENT",
      description:
        t("outageCredit", {
          number: String(credit.incidentNumber),
          hours: Math.floor(credit.minutes / 60),
          minutes: credit.minutes % 60,
          day: dayMonth(credit.startedAt),
        }) + (isMany && credit.msisdn ? ` (${msisdnLabel(credit.msisdn)})` : ""),
      quantity: credit.minutes,
      amountCents: -credit.amountCents,
    },
  }));
}
