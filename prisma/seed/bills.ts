import { DEFAULT_BILLING_SETTINGS, taxOn } from "../../server/domain/billing/bill-math";
import type { CustomerBuffers } from "./history";
import { formatMsisdn, padIndex, tariffOn, type CustomerPlan, type LinePlan, type PaymentOutcome } from "./people";
import type { Rng } from "./random";
import { ADMIN_ID, AGENT_IDS } from "./staff";
import { addDays, addMonths, addMs, DAY, daysInMonth, HOUR, MINUTE, startOfDay, yymm, type SeedClock } from "./time";

export type BillStatus = "ISSUED" | "PARTIALLY_PAID" | "PAID" | "OVERDUE";

export type BillSummary = {
  id: string;
  number: string;
  /** Months before the current one (1 = the latest bill, issued on the 1st of this month). */
  monthsAgo: number;
  periodStart: Date;
  issuedAt: Date;
  dueAt: Date;
  totalCents: number;
  paidCents: number;
  status: BillStatus;
  paidAt: Date | null;
  payments: { id: string; amountCents: number; status: "SUCCEEDED" | "DECLINED"; at: Date }[];
};

/** Records an interaction of the customer (the caller drops the ones outside the customer's history). */
export type RecordInteraction = (
  at: Date,
  channel: string,
  type: string,
  actorId: string | null,
  data: object | null,
) => void;

type BillItem = {
  lineId: string | null;
  kind: "SUBSCRIPTION" | "OVERAGE" | "PRORATION" | "ADJUSTMENT" | "ONE_OFF";
  description: string;
  quantity: number | null;
  amountCents: number;
};
type Attempt = { at: Date; amountCents: number; isDeclined: boolean };

const TAX_RATE_BPS = DEFAULT_BILLING_SETTINGS.taxRateBps;
const PAYMENT_TERM_DAYS = DEFAULT_BILLING_SETTINGS.paymentTermDays;
const DECLINE_REASONS = ["insufficient_funds", "card_declined", "do_not_honor", "3ds_failed"];

export function billIdFor(customerIndex: number, periodStart: Date): string {
  return `bil_${padIndex(customerIndex)}_${yymm(periodStart)}`;
}

function dayMonth(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, "0")}.${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Subscription (or the part of it since activation), a mid-month tariff change, and overage of one line. */
function lineItems(
  line: LinePlan,
  periodStart: Date,
  label: string,
  rng: Rng,
  prorations: Map<string, { credit: number; charge: number }>,
): BillItem[] {
  const nextStart = addMonths(periodStart, 1);
  const dim = daysInMonth(periodStart);
  const tariff = tariffOn(line, periodStart);
  const items: BillItem[] = [];
  if (line.activatedAt.getTime() > periodStart.getTime()) {
    const days = Math.round((nextStart.getTime() - startOfDay(line.activatedAt).getTime()) / DAY);
    items.push({
      lineId: line.id,
      kind: "PRORATION",
      description: `Абонентская плата за неполный месяц, тариф «${tariff.name}», ${days} из ${dim} дн.${label}`,
      quantity: days,
      amountCents: Math.round((tariff.monthlyFeeCents * days) / dim),
    });
  } else {
    items.push({
      lineId: line.id,
      kind: "SUBSCRIPTION",
      description: `Абонентская плата, тариф «${tariff.name}»${label}`,
      quantity: 1,
      amountCents: tariff.monthlyFeeCents,
    });
  }
  const change = line.change;
  if (
    change?.status === "APPLIED" &&
    change.effective === "IMMEDIATE" &&
    change.effectiveAt > periodStart &&
    change.effectiveAt < nextStart
  ) {
    // The rest of the month: the old tariff is credited and the new one charged for the same days.
    const days = Math.round((nextStart.getTime() - startOfDay(change.effectiveAt).getTime()) / DAY);
    const credit = Math.round((change.from.monthlyFeeCents * days) / dim);
    const charge = Math.round((line.tariff.monthlyFeeCents * days) / dim);
    prorations.set(line.id, { credit, charge });
    const since = dayMonth(change.effectiveAt);
    items.push({
      lineId: line.id,
      kind: "PRORATION",
      description: `Перерасчёт: тариф «${change.from.name}» с ${since}, ${days} дн.${label}`,
      quantity: days,
      amountCents: -credit,
    });
    items.push({
      lineId: line.id,
      kind: "PRORATION",
      description: `Тариф «${line.tariff.name}» с ${since}, ${days} дн.${label}`,
      quantity: days,
      amountCents: charge,
    });
  }
  const overageRoll = rng.next();
  const isData = rng.chance(0.7);
  const amount = rng.int(2, 40);
  if (overageRoll < line.overageChance) {
    if (isData && tariff.dataMb !== null && tariff.dataBlockCents > 0) {
      items.push({
        lineId: line.id,
        kind: "OVERAGE",
        description: `Мобильный интернет сверх пакета: ${amount} × 100 МБ${label}`,
        quantity: amount,
        amountCents: amount * tariff.dataBlockCents,
      });
    } else if (tariff.minutes !== null && tariff.minuteCents > 0) {
      const minutes = amount * 4;
      items.push({
        lineId: line.id,
        kind: "OVERAGE",
        description: `Звонки сверх пакета: ${minutes} мин${label}`,
        quantity: minutes,
        amountCents: minutes * tariff.minuteCents,
      });
    }
  }
  return items;
}

/** Rare extras on a bill: a one-off fee, or a credit an agent applied before the bill run (audited). */
function extraItems(
  plan: CustomerPlan,
  periodStart: Date,
  subtotalSoFar: number,
  rng: Rng,
  out: CustomerBuffers,
): BillItem[] {
  const roll = rng.next();
  const isSimCard = rng.chance(0.5);
  const share = rng.float(0.1, 0.5);
  const agentId = rng.pick(AGENT_IDS);
  const reason = rng.pick([
    `Компенсация за перерыв в обслуживании ${dayMonth(addDays(periodStart, rng.int(1, 20)))}`,
    "Корректировка начислений по обращению абонента",
    "Возврат ошибочно начисленной платы за контент",
  ]);
  const daysBeforeIssue = rng.float(1, 6);
  if (plan.paymentOutcome) return []; // the demo profiles keep plain bills
  if (roll < 0.008) {
    return [
      isSimCard
        ? {
            lineId: plan.lines[0]!.id,
            kind: "ONE_OFF",
            description: "Замена SIM-карты",
            quantity: 1,
            amountCents: 10_000,
          }
        : {
            lineId: null,
            kind: "ONE_OFF",
            description: "Детализация счёта на бумаге",
            quantity: 1,
            amountCents: 5_000,
          },
    ];
  }
  if (roll <= 0.988) return [];
  const billId = billIdFor(plan.index, periodStart);
  const suffix = `${padIndex(plan.index)}_${yymm(periodStart)}`;
  const amountCents = -Math.max(100, Math.round((subtotalSoFar * share) / 100) * 100);
  const createdAt = addMs(addMonths(periodStart, 1), -daysBeforeIssue * DAY);
  const needsApproval = -amountCents > 50_000;
  out.adjustments.add({
    id: `adj_${suffix}`,
    billId,
    amountCents,
    reason,
    status: "APPLIED",
    requestedById: agentId,
    decidedById: needsApproval ? ADMIN_ID : null,
    decidedAt: needsApproval ? addMs(createdAt, 2 * HOUR) : createdAt,
    decisionReason: needsApproval ? "Подтверждено супервизором" : null,
    idempotencyKey: `seed-adj-${billId}`,
    createdAt,
  });
  out.audit.add({
    id: `aud_adj_${suffix}`,
    actorId: agentId,
    actorRole: "AGENT",
    action: "bill.adjust",
    entityType: "Bill",
    entityId: billId,
    before: null,
    after: { amountCents, reason },
    at: createdAt,
  });
  return [{ lineId: null, kind: "ADJUSTMENT", description: reason, quantity: null, amountCents }];
}

function chooseOutcome(plan: CustomerPlan, monthsAgo: number, debtMonths: number, rng: Rng): PaymentOutcome {
  const roll = rng.next();
  if (plan.paymentOutcome) return plan.paymentOutcome(monthsAgo);
  switch (plan.discipline) {
    case "PERFECT":
      return roll < 0.45 ? "AUTOPAY" : "ON_TIME";
    case "GOOD":
      return roll < 0.86 ? "ON_TIME" : "LATE";
    case "SLOPPY":
      if (roll < 0.55) return "ON_TIME";
      if (roll < 0.87) return "LATE";
      if (roll < 0.96 || monthsAgo > 2) return "PARTIAL_THEN_LATE";
      return "PARTIAL_ONLY";
    case "DEBTOR":
      if (monthsAgo <= debtMonths) return roll < 0.3 ? "PARTIAL_ONLY" : "UNPAID";
      return roll < 0.45 ? "ON_TIME" : roll < 0.9 ? "LATE" : "PARTIAL_THEN_LATE";
  }
}

/** The payment attempts an outcome leads to, some preceded by a declined card. */
function planAttempts(
  outcome: PaymentOutcome,
  total: number,
  issuedAt: Date,
  dueAt: Date,
  declineChance: number,
  rng: Rng,
): Attempt[] {
  const paid = (at: Date, amountCents: number): Attempt => ({ at, amountCents, isDeclined: false });
  const onTime = addMs(issuedAt, rng.float(0.05, 13.5) * DAY);
  const late = addMs(dueAt, rng.float(0.3, 20) * DAY);
  const share = rng.float(0.25, 0.7);
  const autopay = addMs(issuedAt, rng.float(2, 30) * HOUR);
  const partial = Math.max(100, Math.round(total * share));
  const attempts: Attempt[] = {
    AUTOPAY: [paid(autopay, total)],
    ON_TIME: [paid(onTime, total)],
    LATE: [paid(late, total)],
    PARTIAL_THEN_LATE: [paid(onTime, partial), paid(late, total - partial)],
    PARTIAL_ONLY: [paid(onTime, partial)],
    UNPAID: [],
  }[outcome];
  const declineRoll = rng.next();
  const declineGap = rng.float(2, 40) * MINUTE;
  const first = attempts[0];
  if (first && declineRoll < declineChance) {
    attempts.unshift({ at: addMs(first.at, -declineGap), amountCents: first.amountCents, isDeclined: true });
  } else if (!first && declineRoll < 0.4) {
    attempts.push({ at: addMs(dueAt, -declineGap * 60), amountCents: total, isDeclined: true });
  }
  return attempts.filter((attempt) => attempt.amountCents > 0);
}

/**
 * A bill for every month since the customer joined (at most twelve, the latest issued on the
 * 1st of this month) with its lines, tax and payments. Payments later than the seed's "now" have
 * not happened yet, so the status is what it would be today.
 */
export function writeBills(
  plan: CustomerPlan,
  rng: Rng,
  clock: SeedClock,
  out: CustomerBuffers,
  record: RecordInteraction,
) {
  const pad = padIndex(plan.index);
  const hasManyLines = plan.lines.length > 1;
  const debtMonths = rng.int(1, 3);
  const declineChance = plan.discipline === "DEBTOR" ? 0.2 : plan.discipline === "SLOPPY" ? 0.08 : 0.025;
  const bills: BillSummary[] = [];
  const prorations = new Map<string, { credit: number; charge: number }>();

  for (let monthsAgo = 12; monthsAgo >= 1; monthsAgo--) {
    const periodStart = addMonths(clock.monthStart, -monthsAgo);
    const issuedAt = addMonths(periodStart, 1);
    if (plan.createdAt.getTime() >= issuedAt.getTime()) continue;
    const dueAt = addDays(issuedAt, PAYMENT_TERM_DAYS);
    const billId = billIdFor(plan.index, periodStart);
    const suffix = `${pad}_${yymm(periodStart)}`;

    const items = plan.lines
      .filter((line) => line.activatedAt.getTime() < issuedAt.getTime())
      .flatMap((line) => lineItems(line, periodStart, hasManyLines ? lineLabel(line) : "", rng, prorations));
    items.push(
      ...extraItems(
        plan,
        periodStart,
        items.reduce((sum, item) => sum + item.amountCents, 0),
        rng,
        out,
      ),
    );
    const subtotalCents = items.reduce((sum, item) => sum + item.amountCents, 0);
    const taxCents = taxOn(subtotalCents, TAX_RATE_BPS);
    const totalCents = subtotalCents + taxCents;
    items.forEach((item, i) => out.billLines.add({ id: `bli_${suffix}_${i + 1}`, billId, ...item }));
    out.billLines.add({
      id: `bli_${suffix}_tax`,
      billId,
      lineId: null,
      kind: "TAX",
      description: "НДС 20%",
      quantity: null,
      amountCents: taxCents,
    });

    const outcome = chooseOutcome(plan, monthsAgo, debtMonths, rng);
    const attempts = planAttempts(outcome, totalCents, issuedAt, dueAt, declineChance, rng).filter(
      (a) => a.at.getTime() < clock.asOf.getTime(),
    );
    let paidCents = 0;
    let paidAt: Date | null = null;
    const payments: BillSummary["payments"] = [];
    attempts.forEach((attempt, i) => {
      const paymentId = `pay_${suffix}_${i + 1}`;
      const channel = rng.chance(0.8) ? plan.channel : plan.channel === "WEB" ? "PWA" : "WEB";
      const status = attempt.isDeclined ? "DECLINED" : "SUCCEEDED";
      out.payments.add({
        id: paymentId,
        billId,
        customerId: plan.id,
        amountCents: attempt.amountCents,
        currency: "RUB",
        status,
        provider: "test",
        providerRef: `test_${yymm(periodStart)}${pad}${i + 1}`,
        cardLast4: plan.cards[i % plan.cards.length],
        failureReason: attempt.isDeclined ? rng.pick(DECLINE_REASONS) : null,
        actorId: plan.userId,
        idempotencyKey: `seed-${billId}-${i + 1}`,
        channel,
        createdAt: attempt.at,
      });
      record(attempt.at, channel, "PAYMENT", plan.userId, {
        paymentId,
        billId,
        amountCents: attempt.amountCents,
        status,
      });
      payments.push({ id: paymentId, amountCents: attempt.amountCents, status, at: attempt.at });
      if (attempt.isDeclined) return;
      paidCents += attempt.amountCents;
      if (paidCents >= totalCents) paidAt = attempt.at;
    });
    const isPastDue = clock.asOf.getTime() > dueAt.getTime();
    const status: BillStatus =
      paidCents >= totalCents ? "PAID" : isPastDue ? "OVERDUE" : paidCents > 0 ? "PARTIALLY_PAID" : "ISSUED";
    const number = `${periodStart.toISOString().slice(0, 7)}-${plan.accountNumber}`;
    out.bills.add({
      id: billId,
      number,
      customerId: plan.id,
      periodStart,
      periodEnd: addDays(issuedAt, -1),
      issuedAt,
      dueAt,
      subtotalCents,
      taxCents,
      totalCents,
      paidCents,
      currency: "RUB",
      status,
      paidAt,
      createdAt: issuedAt,
    });
    bills.push({
      id: billId,
      number,
      monthsAgo,
      periodStart,
      issuedAt,
      dueAt,
      totalCents,
      paidCents,
      status,
      paidAt,
      payments,
    });
  }
  return { bills, prorations };
}

function lineLabel(line: LinePlan): string {
  return line.msisdn ? ` (${formatMsisdn(line.msisdn)})` : " (домашний интернет)";
}
