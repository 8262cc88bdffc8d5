import { DEFAULT_ROUTING_POLICY, type Segment } from "../../server/domain/routing/policy.schema";
import { assignServiceArea, serviceAreaColumns } from "../../server/domain/incident/incident-area";
import { scoreCustomerValue } from "../../server/domain/value/value-score";
import { RowBuffer } from "./bulk-insert";
import { writeBills, type BillSummary } from "./bills";
import { padIndex, tariffOn, tariffSince, type CustomerPlan, type LinePlan } from "./people";
import type { Rng } from "./random";
import { AGENT_IDS, MANAGER_IDS } from "./staff";
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
import { addMonths, addMs, DAY, MINUTE, monthsBetween, type SeedClock } from "./time";
import { USAGE_DAYS } from "./usage";

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

/** What later phases (requests, notifications) need to know about a written customer. */
export type CustomerSummary = {
  index: number;
  id: string;
  userId: string;
  firstName: string;
  locale: string;
  accountNumber: string;
  createdAt: Date;
  segment: Segment;
  managerId: string | null;
  channel: "WEB" | "PWA";
  lines: { id: string; kind: LinePlan["kind"]; msisdn: string | null }[];
  /** Bill totals by months before the current one (index 1 = the latest bill); 0 where there is none. */
  billTotals: Int32Array;
  /** Full bill details, kept for the demo profiles only. */
  bills: BillSummary[];
};

/**
 * The usage change the scoring job will measure (last 60 days against the 60 before) for a
 * linear trend over the 120-day window; null when the customer is too new for two periods.
 */
function expectedUsageTrend(plan: CustomerPlan, clock: SeedClock): number | null {
  const historyDays = (clock.asOf.getTime() - plan.createdAt.getTime()) / DAY;
  if (historyDays < USAGE_DAYS / 2 + 14) return null;
  return (1 + plan.trend / 4) / (1 - plan.trend / 4) - 1;
}

function writeLinesAndChanges(
  plan: CustomerPlan,
  clock: SeedClock,
  out: CustomerBuffers,
  prorations: Map<string, { credit: number; charge: number }>,
  record: (at: Date, channel: string, type: string, actorId: string | null, data: object | null) => void,
): void {
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
      ...serviceAreaColumns(assignServiceArea(line.kind, line.msisdn ?? line.address ?? line.id)),
    });
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
    record(change.requestedAt, change.channel, "TARIFF_CHANGE", requestedById, {
      lineId: line.id,
      changeId: change.id,
      fromTariff: change.from.code,
      toTariff: line.tariff.code,
      effective: change.effective,
    });
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
}

/**
 * Builds one customer's rows (customer, login, lines, dealer order, tariff changes, twelve months
 * of bills with payments, everyday contacts) into the buffers and returns a summary.
 */
export function writeCustomer(
  plan: CustomerPlan,
  rng: Rng,
  clock: SeedClock,
  passwordHash: string,
  out: CustomerBuffers,
): CustomerSummary {
  const pad = padIndex(plan.index);
  const { asOf, monthStart } = clock;
  const firstLine = plan.lines[0];
  if (!firstLine?.msisdn) throw new Error(`${plan.id}: the first line must be a mobile line`);
  let interactionSeq = 0;
  const record = (at: Date, channel: string, type: string, actorId: string | null, data: object | null) => {
    if (at.getTime() >= asOf.getTime() || at.getTime() < plan.createdAt.getTime()) return;
    out.interactions.add({
      id: `int_${pad}_${String(++interactionSeq).padStart(3, "0")}`,
      customerId: plan.id,
      channel,
      type,
      actorId,
      requestId: null,
      data,
      at,
    });
  };
  const otherChannel = () => (rng.chance(0.8) ? plan.channel : plan.channel === "WEB" ? "PWA" : "WEB");

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
    record(plan.createdAt, "PARTNER", "SUBSCRIBER_REGISTERED", plan.partner.dealerId, {
      orderId,
      partnerCode: plan.partner.code,
    });
  }

  const { bills, prorations } = writeBills(plan, rng, clock, out, record);
  writeLinesAndChanges(plan, clock, out, prorations, record);

  // Everyday contacts over the last year: sign-ins, bill views and the odd call to the contact centre.
  const since = Math.max(addMonths(monthStart, -12).getTime(), plan.createdAt.getTime());
  const span = asOf.getTime() - since;
  const logins = rng.int(2, 8);
  for (let i = 0; i < logins; i++)
    record(new Date(since + Math.floor(rng.next() * span)), otherChannel(), "LOGIN", plan.userId, null);
  const views = rng.int(1, 4);
  for (let i = 0; i < views && bills.length; i++) {
    const bill = rng.pick(bills);
    record(addMs(bill.issuedAt, rng.float(0.1, 10) * DAY), plan.channel, "BILL_VIEWED", plan.userId, {
      billId: bill.id,
    });
  }
  const calls = rng.weighted([
    [0, 67],
    [1, 25],
    [2, 8],
  ] as const);
  for (let i = 0; i < calls; i++) {
    const topic = rng.pick(["balance", "tariff", "roaming", "coverage", "payment"]);
    record(new Date(since + Math.floor(rng.next() * span)), "PHONE", "CALL", rng.pick(AGENT_IDS), {
      durationSec: rng.int(60, 900),
      topic,
    });
  }

  // Value: the app's own score over the facts of the history written so far, with the default
  // policy; it decides the segment the history (managers, routing) saw. The seed rescores every
  // customer from the stored data once all is written.
  const dueBills = bills.filter((bill) => bill.dueAt.getTime() < asOf.getTime());
  const value = scoreCustomerValue(
    {
      recentBillTotalsCents: bills.slice(-6).map((bill) => bill.totalCents),
      dueBills: dueBills.length,
      paidOnTime: dueBills.filter((bill) => bill.paidAt && bill.paidAt.getTime() <= bill.dueAt.getTime()).length,
      overdueBills: bills.filter((bill) => bill.status === "OVERDUE").length,
      activeLines: plan.lines.length,
      serviceKinds: new Set(plan.lines.map((line) => line.kind)).size,
      tenureMonths: monthsBetween(plan.createdAt, asOf),
      usageTrend: expectedUsageTrend(plan, clock),
    },
    DEFAULT_ROUTING_POLICY,
  );
  const managerId = plan.personalManagerId ?? (value.segment === "PLATINUM" ? MANAGER_IDS[plan.index % 2]! : null);
  const balanceCents = bills.reduce(
    (sum, bill) => sum + (bill.totalCents - Math.min(bill.paidCents, bill.totalCents)),
    0,
  );

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
    name: `${plan.firstName} ${plan.lastName}`,
    locale: plan.locale,
    customerId: plan.id,
    partnerId: null,
    createdAt: plan.createdAt,
    updatedAt: plan.createdAt,
  });

  const billTotals = new Int32Array(13);
  for (const bill of bills) billTotals[bill.monthsAgo] = bill.totalCents;
  return {
    index: plan.index,
    id: plan.id,
    userId: plan.userId,
    firstName: plan.firstName,
    locale: plan.locale,
    accountNumber: plan.accountNumber,
    createdAt: plan.createdAt,
    segment: value.segment,
    managerId,
    channel: plan.channel,
    lines: plan.lines.map((line) => ({ id: line.id, kind: line.kind, msisdn: line.msisdn })),
    billTotals,
    bills,
  };
}
