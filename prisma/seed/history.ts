import { DEFAULT_BILLING_SETTINGS, taxOn } from "../../server/domain/billing/bill-math";
import { RowBuffer } from "./bulk-insert";
import { formatMsisdn, padIndex, tariffOn, tariffSince, type CustomerPlan, type LinePlan, type PaymentOutcome } from "./people";
import type { Rng } from "./random";
import { ADMIN_ID, AGENT_IDS, MANAGER_IDS } from "./staff";
import {
  AUDIT_LOG,
  BILL,
  BILL_ADJUSTMENT,
  BILL_LINE,
  CUSTOMER,
  INTERACTION,
  LINE,
  ORDER,
  PAYMENT,
  TARIFF_CHANGE,
  USER,
} from "./tables";
import { addDays, addMonths, addMs, DAY, daysInMonth, HOUR, MINUTE, monthsBetween, startOfDay, yymm, type SeedClock } from "./time";
import { estimateValue, type SegmentName } from "./value-estimate";

export type CustomerBuffers = ReturnType<typeof createCustomerBuffers>;

export function createCustomerBuffers() {
  return {
    customers: new RowBuffer(CUSTOMER),
    users: new RowBuffer(USER),
    lines: new RowBuffer(LINE),
    orders: new RowBuffer(ORDER),
    tariffChanges: new RowBuffer(TARIFF_CHANGE),
    bills: new RowBuffer(BILL),
    billLines: new RowBuffer(BILL_LINE),
    adjustments: new RowBuffer(BILL_ADJUSTMENT),
    payments: new RowBuffer(PAYMENT),
    interactions: new RowBuffer(INTERACTION),
    audit: new RowBuffer(AUDIT_LOG),
  };
}

/** What later phases (requests, usage, notifications) need to know about a written customer. */
export type CustomerSummary = {
  index: number;
  id: string;
  userId: string;
  firstName: string;
  accountNumber: string;
  createdAt: Date;
  segment: SegmentName;
  managerId: string | null;
  lines: { id: string; kind: LinePlan["kind"]; msisdn: string | null }[];
  bills: BillSummary[];
};

export type BillSummary = {
  id: string;
  number: string;
  periodStart: Date;
  issuedAt: Date;
  dueAt: Date;
  totalCents: number;
  paidCents: number;
  status: BillStatus;
  paidAt: Date | null;
  payments: { id: string; amountCents: number; status: "SUCCEEDED" | "DECLINED"; at: Date }[];
};

type BillStatus = "ISSUED" | "PARTIALLY_PAID" | "PAID" | "OVERDUE";
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

function dayMonth(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, "0")}.${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function lineLabel(line: LinePlan): string {
  return line.msisdn ? ` (${formatMsisdn(line.msisdn)})` : " (домашний интернет)";
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

function planAttempts(outcome: PaymentOutcome, total: number, issuedAt: Date, dueAt: Date, declineChance: number, rng: Rng): Attempt[] {
  const paid = (at: Date, amountCents: number): Attempt => ({ at, amountCents, isDeclined: false });
  const onTime = addMs(issuedAt, rng.float(0.05, 13.5) * DAY);
  const late = addMs(dueAt, rng.float(0.3, 20) * DAY);
  const share = rng.float(0.25, 0.7);
  const autopay = addMs(issuedAt, rng.float(2, 30) * HOUR);
  let attempts: Attempt[];
  switch (outcome) {
    case "AUTOPAY":
      attempts = [paid(autopay, total)];
      break;
    case "ON_TIME":
      attempts = [paid(onTime, total)];
      break;
    case "LATE":
      attempts = [paid(late, total)];
      break;
    case "PARTIAL_THEN_LATE": {
      const first = Math.max(100, Math.round(total * share));
      attempts = [paid(onTime, first), paid(late, total - first)];
      break;
    }
    case "PARTIAL_ONLY":
      attempts = [paid(onTime, Math.max(100, Math.round(total * share)))];
      break;
    case "UNPAID":
      attempts = [];
      break;
  }
  const declineRoll = rng.next();
  const declineGap = rng.float(2, 40) * MINUTE;
  const firstAttempt = attempts[0];
  if (firstAttempt && declineRoll < declineChance) {
    attempts.unshift({ at: addMs(firstAttempt.at, -declineGap), amountCents: firstAttempt.amountCents, isDeclined: true });
  } else if (!firstAttempt && declineRoll < 0.4) {
    attempts.push({ at: addMs(dueAt, -declineGap * 60), amountCents: total, isDeclined: true });
  }
  return attempts.filter((attempt) => attempt.amountCents > 0);
}

/**
 * Builds one customer's rows (customer, login, lines, orders, tariff changes, 12 months of bills
 * with payments, and the interaction history) into the buffers, and returns a summary.
 */
export function writeCustomer(plan: CustomerPlan, rng: Rng, clock: SeedClock, passwordHash: string, out: CustomerBuffers): CustomerSummary {
  const pad = padIndex(plan.index);
  const { asOf, monthStart } = clock;
  const name = `${plan.firstName} ${plan.lastName}`;
  const firstLine = plan.lines[0];
  if (!firstLine?.msisdn) throw new Error(`${plan.id}: the first line must be a mobile line`);
  const hasManyLines = plan.lines.length > 1;
  const debtMonths = rng.int(1, 3);
  const declineChance = plan.discipline === "DEBTOR" ? 0.2 : plan.discipline === "SLOPPY" ? 0.08 : 0.025;
  let interactionSeq = 0;
  const interaction = (at: Date, channel: string, type: string, actorId: string | null, data: object | null, requestId: string | null = null) => {
    if (at.getTime() >= asOf.getTime() || at.getTime() < plan.createdAt.getTime()) return;
    out.interactions.add({ id: `int_${pad}_${String(++interactionSeq).padStart(3, "0")}`, customerId: plan.id, channel, type, actorId, requestId, data, at });
  };

  // Lines and tariff changes.
  for (const line of plan.lines) {
    out.lines.add({
      id: line.id,
      customerId: plan.id,
      kind: line.kind,
      msisdn: line.msisdn,
      address: line.address,
      tariffId: line.tariff.id,
      status: "ACTIVE",
      activatedAt: line.activatedAt,
      tariffSince: tariffSince(line, clock),
      createdAt: line.activatedAt,
    });
  }

  if (plan.partner) {
    const orderId = `ord_${pad}`;
    out.orders.add({
      id: orderId,
      partnerId: plan.partner.id,
      createdById: plan.partner.dealerId,
      customerId: plan.id,
      tariffId: tariffOn(firstLine, plan.createdAt).id,
      msisdn: firstLine.msisdn,
      status: "COMPLETED",
      depositCents: rng.chance(0.12) ? 50_000 : 0,
      idempotencyKey: `seed-order-${pad}`,
      createdAt: addMs(plan.createdAt, -3 * MINUTE),
    });
    interaction(plan.createdAt, "PARTNER", "SUBSCRIBER_REGISTERED", plan.partner.dealerId, { orderId, partnerCode: plan.partner.code });
  }

  // Bills, one per month since the customer joined, the latest issued on the 1st of this month.
  const bills: BillSummary[] = [];
  const prorations = new Map<string, { credit: number; charge: number }>();
  for (let monthsAgo = 12; monthsAgo >= 1; monthsAgo--) {
    const periodStart = addMonths(monthStart, -monthsAgo);
    const nextStart = addMonths(periodStart, 1);
    if (plan.createdAt.getTime() >= nextStart.getTime()) continue;
    const dim = daysInMonth(periodStart);
    const items: BillItem[] = [];
    for (const line of plan.lines) {
      if (line.activatedAt.getTime() >= nextStart.getTime()) continue;
      const tariff = tariffOn(line, periodStart);
      const label = hasManyLines ? lineLabel(line) : "";
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
        items.push({ lineId: line.id, kind: "SUBSCRIPTION", description: `Абонентская плата, тариф «${tariff.name}»${label}`, quantity: 1, amountCents: tariff.monthlyFeeCents });
      }
      const change = line.change;
      if (
        change?.status === "APPLIED" &&
        change.effective === "IMMEDIATE" &&
        change.effectiveAt.getTime() > periodStart.getTime() &&
        change.effectiveAt.getTime() < nextStart.getTime()
      ) {
        const days = Math.round((nextStart.getTime() - startOfDay(change.effectiveAt).getTime()) / DAY);
        const credit = Math.round((change.from.monthlyFeeCents * days) / dim);
        const charge = Math.round((line.tariff.monthlyFeeCents * days) / dim);
        prorations.set(line.id, { credit, charge });
        const since = dayMonth(change.effectiveAt);
        items.push({ lineId: line.id, kind: "PRORATION", description: `Перерасчёт: тариф «${change.from.name}» с ${since}, ${days} дн.${label}`, quantity: days, amountCents: -credit });
        items.push({ lineId: line.id, kind: "PRORATION", description: `Тариф «${line.tariff.name}» с ${since}, ${days} дн.${label}`, quantity: days, amountCents: charge });
      }
      const overageRoll = rng.next();
      const isData = rng.chance(0.7);
      const amount = rng.int(2, 40);
      if (overageRoll < line.overageChance) {
        if (isData && tariff.dataMb !== null && tariff.dataBlockCents > 0) {
          items.push({ lineId: line.id, kind: "OVERAGE", description: `Мобильный интернет сверх пакета: ${amount} × 100 МБ${label}`, quantity: amount, amountCents: amount * tariff.dataBlockCents });
        } else if (tariff.minutes !== null && tariff.minuteCents > 0) {
          const minutes = amount * 4;
          items.push({ lineId: line.id, kind: "OVERAGE", description: `Звонки сверх пакета: ${minutes} мин${label}`, quantity: minutes, amountCents: minutes * tariff.minuteCents });
        }
      }
    }
    const issuedAt = nextStart;
    const dueAt = addDays(issuedAt, PAYMENT_TERM_DAYS);
    const billId = `bil_${pad}_${yymm(periodStart)}`;
    const extrasRoll = rng.next();
    const oneOffFirst = rng.chance(0.5);
    if (!plan.paymentOutcome && extrasRoll < 0.008) {
      items.push(
        oneOffFirst
          ? { lineId: firstLine.id, kind: "ONE_OFF", description: "Замена SIM-карты", quantity: 1, amountCents: 10_000 }
          : { lineId: null, kind: "ONE_OFF", description: "Детализация счёта на бумаге", quantity: 1, amountCents: 5_000 },
      );
    }
    const adjustmentShare = rng.float(0.1, 0.5);
    const agentId = rng.pick(AGENT_IDS);
    const adjustmentReason = rng.pick([
      `Компенсация за перерыв в обслуживании ${dayMonth(addDays(periodStart, rng.int(1, 20)))}`,
      "Корректировка начислений по обращению абонента",
      "Возврат ошибочно начисленной платы за контент",
    ]);
    if (!plan.paymentOutcome && extrasRoll > 0.988) {
      const subtotalSoFar = items.reduce((sum, item) => sum + item.amountCents, 0);
      const amountCents = -Math.max(100, Math.round((subtotalSoFar * adjustmentShare) / 100) * 100);
      const createdAt = addMs(issuedAt, -rng.float(1, 6) * DAY);
      const needsApproval = -amountCents > 50_000;
      out.adjustments.add({
        id: `adj_${pad}_${yymm(periodStart)}`,
        billId,
        amountCents,
        reason: adjustmentReason,
        status: "APPLIED",
        requestedById: agentId,
        decidedById: needsApproval ? ADMIN_ID : null,
        decidedAt: needsApproval ? addMs(createdAt, 2 * HOUR) : createdAt,
        decisionReason: needsApproval ? "Подтверждено супервизором" : null,
        idempotencyKey: `seed-adj-${billId}`,
        createdAt,
      });
      out.audit.add({
        id: `aud_adj_${pad}_${yymm(periodStart)}`,
        actorId: agentId,
        actorRole: "AGENT",
        action: "bill.adjust",
        entityType: "Bill",
        entityId: billId,
        before: null,
        after: { amountCents, reason: adjustmentReason },
        at: createdAt,
      });
      items.push({ lineId: null, kind: "ADJUSTMENT", description: adjustmentReason, quantity: null, amountCents });
    }

    const subtotalCents = items.reduce((sum, item) => sum + item.amountCents, 0);
    const taxCents = taxOn(subtotalCents, TAX_RATE_BPS);
    const totalCents = subtotalCents + taxCents;
    items.forEach((item, i) => out.billLines.add({ id: `bli_${pad}_${yymm(periodStart)}_${i + 1}`, billId, ...item }));
    out.billLines.add({ id: `bli_${pad}_${yymm(periodStart)}_tax`, billId, lineId: null, kind: "TAX", description: "НДС 20%", quantity: null, amountCents: taxCents });

    const outcome = chooseOutcome(plan, monthsAgo, debtMonths, rng);
    const attempts = planAttempts(outcome, totalCents, issuedAt, dueAt, declineChance, rng).filter((a) => a.at.getTime() < asOf.getTime());
    let paidCents = 0;
    let paidAt: Date | null = null;
    const payments: BillSummary["payments"] = [];
    attempts.forEach((attempt, i) => {
      const paymentId = `pay_${pad}_${yymm(periodStart)}_${i + 1}`;
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
      interaction(attempt.at, channel, "PAYMENT", plan.userId, { paymentId, billId, amountCents: attempt.amountCents, status });
      payments.push({ id: paymentId, amountCents: attempt.amountCents, status, at: attempt.at });
      if (!attempt.isDeclined) {
        paidCents += attempt.amountCents;
        if (paidCents >= totalCents) paidAt = attempt.at;
      }
    });
    const isPastDue = asOf.getTime() > dueAt.getTime();
    const status: BillStatus = paidCents >= totalCents ? "PAID" : isPastDue ? "OVERDUE" : paidCents > 0 ? "PARTIALLY_PAID" : "ISSUED";
    const number = `${periodStart.toISOString().slice(0, 7)}-${plan.accountNumber}`;
    out.bills.add({
      id: billId,
      number,
      customerId: plan.id,
      periodStart,
      periodEnd: addDays(nextStart, -1),
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
    bills.push({ id: billId, number, periodStart, issuedAt, dueAt, totalCents, paidCents, status, paidAt, payments });
  }

  for (const line of plan.lines) {
    const change = line.change;
    if (!change) continue;
    const requestedById = change.agentId ?? plan.userId;
    const proration = prorations.get(line.id) ?? { credit: 0, charge: 0 };
    out.tariffChanges.add({
      id: change.id,
      lineId: line.id,
      customerId: plan.id,
      fromTariffId: change.from.id,
      toTariffId: line.tariff.id,
      effective: change.effective,
      effectiveAt: change.effectiveAt,
      status: change.status,
      prorationCreditCents: proration.credit,
      prorationChargeCents: proration.charge,
      requestedById,
      idempotencyKey: `seed-${change.id}`,
      channel: change.channel,
      createdAt: change.requestedAt,
      appliedAt: change.status === "APPLIED" ? change.effectiveAt : null,
    });
    const data = { lineId: line.id, changeId: change.id, fromTariff: change.from.code, toTariff: line.tariff.code, effective: change.effective };
    interaction(change.requestedAt, change.channel, "TARIFF_CHANGE", requestedById, data);
    if (change.agentId) {
      out.audit.add({
        id: `aud_${change.id}`,
        actorId: change.agentId,
        actorRole: "AGENT",
        action: "tariff.change",
        entityType: "Line",
        entityId: line.id,
        before: { tariffId: change.from.id },
        after: { tariffId: line.tariff.id, effective: change.effective },
        at: change.requestedAt,
      });
    }
  }

  // Everyday contacts: sign-ins, bill views and the odd call to the contact centre.
  const yearAgo = addMonths(monthStart, -12);
  const since = Math.max(yearAgo.getTime(), plan.createdAt.getTime());
  const span = asOf.getTime() - since;
  const logins = rng.int(2, 8);
  for (let i = 0; i < logins; i++) {
    const channel = rng.chance(0.8) ? plan.channel : plan.channel === "WEB" ? "PWA" : "WEB";
    interaction(new Date(since + Math.floor(rng.next() * span)), channel, "LOGIN", plan.userId, null);
  }
  const views = rng.int(1, 4);
  for (let i = 0; i < views && bills.length; i++) {
    const bill = rng.pick(bills);
    interaction(addMs(bill.issuedAt, rng.float(0.1, 10) * DAY), plan.channel, "BILL_VIEWED", plan.userId, { billId: bill.id });
  }
  const calls = rng.weighted([
    [0, 67],
    [1, 25],
    [2, 8],
  ] as const);
  for (let i = 0; i < calls; i++) {
    const topic = rng.pick(["balance", "tariff", "roaming", "coverage", "payment"]);
    interaction(new Date(since + Math.floor(rng.next() * span)), "PHONE", "CALL", rng.pick(AGENT_IDS), { durationSec: rng.int(60, 900), topic });
  }

  // Value: a rough estimate until the scoring job recomputes it from the same data.
  const dueBills = bills.filter((bill) => bill.dueAt.getTime() < asOf.getTime());
  const value =
    plan.fixedValue ??
    estimateValue({
      recentBillTotalsCents: bills.slice(-6).map((bill) => bill.totalCents),
      dueBills: dueBills.length,
      paidOnTime: dueBills.filter((bill) => bill.paidAt && bill.paidAt.getTime() <= bill.dueAt.getTime()).length,
      overdueBills: bills.filter((bill) => bill.status === "OVERDUE").length,
      activeLines: plan.lines.length,
      tenureMonths: monthsBetween(plan.createdAt, monthStart),
      usageTrend: plan.trend,
    });
  const managerId = plan.personalManagerId ?? (value.segment === "PLATINUM" ? MANAGER_IDS[plan.index % 2]! : null);
  const balanceCents = bills.reduce((sum, bill) => sum + (bill.totalCents - Math.min(bill.paidCents, bill.totalCents)), 0);

  out.customers.add({
    id: plan.id,
    accountNumber: plan.accountNumber,
    firstName: plan.firstName,
    lastName: plan.lastName,
    middleName: plan.middleName,
    birthDate: plan.birthDate,
    documentNumber: plan.documentNumber,
    address: plan.address,
    email: plan.email,
    phone: firstLine.msisdn,
    locale: plan.locale,
    status: "ACTIVE",
    balanceCents,
    currency: "RUB",
    billingDay: 1,
    segment: value.segment,
    valueScore: value.score,
    personalManagerId: managerId,
    partnerId: plan.partner?.id ?? null,
    createdAt: plan.createdAt,
    updatedAt: monthStart,
  });
  out.users.add({
    id: plan.userId,
    role: "SUBSCRIBER",
    email: null,
    phone: firstLine.msisdn,
    passwordHash,
    name,
    locale: plan.locale,
    customerId: plan.id,
    partnerId: null,
    createdAt: plan.createdAt,
    updatedAt: plan.createdAt,
  });

  return {
    index: plan.index,
    id: plan.id,
    userId: plan.userId,
    firstName: plan.firstName,
    accountNumber: plan.accountNumber,
    createdAt: plan.createdAt,
    segment: value.segment,
    managerId,
    lines: plan.lines.map((line) => ({ id: line.id, kind: line.kind, msisdn: line.msisdn })),
    bills,
  };
}
