import "server-only";
import { serviceAreaOf } from "../incident/incident-area";
import type { Database, SqlExecutor } from "../../db/client";
import { currentCycle } from "../billing/cycle";
import { badRequest, notFound } from "../errors";
import { selectCustomer360, TIMELINE_PAGE } from "./customer-360-query.service";
import { maskDocument, monthsBetween } from "./customer-facts";
import { decodeTimelineCursor, encodeTimelineCursor } from "./timeline-cursor";
import { valueViewOf } from "./value-view";

const OPEN_STATUSES = [
  "NEW",
  "SELF_SERVICE",
  "QUEUED",
  "ASSIGNED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
  "REOPENED",
] as const;

/** One page of the customer's contact history across every channel, newest first. */
export async function listInteractions(db: Database, input: { customerId: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? TIMELINE_PAGE;
  const after = input.cursor ? decodeTimelineCursor(input.cursor) : null;
  if (input.cursor && !after) throw badRequest("cursor", "Unknown cursor");
  const rows = await db.interaction.findMany({
    where: {
      customerId: input.customerId,
      ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      channel: true,
      type: true,
      at: true,
      data: true,
      requestId: true,
      actor: { select: { name: true, role: true } },
      request: { select: { number: true } },
    },
  });
  const items = rows.slice(0, limit).map(({ request, ...row }) => ({ ...row, requestNumber: request?.number ?? null }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeTimelineCursor(last) : null };
}

/** A timestamp from PostgreSQL JSON (UTC without a zone, as Prisma stores it) or a date. */
function at(value: string): Date;
function at(value: string | null): Date | null;
function at(value: string | null): Date | null {
  if (value === null) return null;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) || value.length === 10 ? value : `${value}Z`);
}

/**
 * Everything about one customer in one call, for the agent's single screen: profile and
 * contacts, value score with its breakdown, personal manager, lines with tariffs and this
 * cycle's usage, recent bills with their lines and adjustments, payments, open and past
 * requests, tariff changes, and the contact history across every channel. One SQL statement
 * (see customer-360.query.ts), whatever the customer's history.
 */
export async function getCustomer360(db: SqlExecutor, customerId: string, now = new Date()) {
  const view = await selectCustomer360(db.$kysely, customerId, now).executeTakeFirst();
  if (!view) throw notFound("Customer");
  const customer = view.customer;
  const createdAt = at(customer.createdAt);
  const interactions = view.interactions.slice(0, TIMELINE_PAGE).map((row) => ({
    id: row.id,
    channel: row.channel,
    type: row.type,
    at: at(row.at),
    data: row.data,
    requestId: row.requestId,
    requestNumber: row.requestNumber,
    actor: row.actor,
  }));
  const lastInteraction = interactions[interactions.length - 1];

  return {
    customer: {
      id: customer.id,
      accountNumber: customer.accountNumber,
      firstName: customer.firstName,
      lastName: customer.lastName,
      middleName: customer.middleName,
      name: [customer.lastName, customer.firstName, customer.middleName].filter(Boolean).join(" "),
      birthDate: at(customer.birthDate),
      documentNumberMasked: maskDocument(customer.documentNumber),
      address: customer.address,
      email: customer.email,
      phone: customer.phone,
      locale: customer.locale,
      status: customer.status,
      balanceCents: customer.balanceCents,
      currency: customer.currency,
      billingDay: customer.billingDay,
      createdAt,
      tenureMonths: monthsBetween(createdAt, now),
      partner: customer.partner,
      personalManager: customer.personalManager,
      login: customer.login,
    },
    value: {
      score: customer.valueScore,
      segment: customer.segment,
      computedAt: at(customer.valueComputedAt),
      breakdown: valueViewOf(customer.valueBreakdown),
    },
    cycle: currentCycle(customer.billingDay, now),
    lines: view.lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      msisdn: line.msisdn,
      address: line.address,
      status: line.status,
      activatedAt: at(line.activatedAt),
      tariffSince: at(line.tariffSince),
      serviceArea: serviceAreaOf(line),
      /** The subscriber's monthly cap on extras (null: none); agent.setSpendLimit changes it. */
      spendLimitCents: line.spendLimitCents,
      tariff: {
        id: line.tariff.id,
        code: line.tariff.code,
        name: line.tariff.name,
        nameEn: line.tariff.nameEn,
        monthlyFeeCents: line.tariff.monthlyFeeCents,
        minTermMonths: line.tariff.minTermMonths,
      },
      usage: {
        minutes: { used: Number(line.used.minutes), included: line.tariff.minutes },
        sms: { used: Number(line.used.sms), included: line.tariff.sms },
        dataMb: { used: Number(line.used.dataMb), included: line.tariff.dataMb },
      },
      pendingChange: line.pendingChange
        ? { ...line.pendingChange, effectiveAt: at(line.pendingChange.effectiveAt) }
        : null,
      suspendedUntil: line.suspendedUntil ? at(line.suspendedUntil) : null,
      pendingCommands: line.pendingCommands.map((command) => ({ ...command, createdAt: at(command.createdAt) })),
    })),
    bills: view.bills.map((bill) => ({
      ...bill,
      periodStart: at(bill.periodStart),
      periodEnd: at(bill.periodEnd),
      issuedAt: at(bill.issuedAt),
      dueAt: at(bill.dueAt),
      paidAt: at(bill.paidAt),
      adjustments: view.adjustments
        .filter((adjustment) => adjustment.billId === bill.id)
        .map(({ billNumber: _billNumber, ...adjustment }) => ({
          ...adjustment,
          createdAt: at(adjustment.createdAt),
          decidedAt: at(adjustment.decidedAt),
        })),
    })),
    adjustments: view.adjustments.map((adjustment) => ({
      ...adjustment,
      createdAt: at(adjustment.createdAt),
      decidedAt: at(adjustment.decidedAt),
    })),
    payments: view.payments.map((payment) => ({ ...payment, createdAt: at(payment.createdAt) })),
    requests: view.requests.map((request) => ({
      ...request,
      slaDueAt: at(request.slaDueAt),
      createdAt: at(request.createdAt),
      resolvedAt: at(request.resolvedAt),
      isOpen: (OPEN_STATUSES as readonly string[]).includes(request.status),
    })),
    tariffChanges: view.tariffChanges.map((change) => ({
      ...change,
      effectiveAt: at(change.effectiveAt),
      createdAt: at(change.createdAt),
    })),
    interactions,
    interactionsCursor:
      view.interactions.length > TIMELINE_PAGE && lastInteraction ? encodeTimelineCursor(lastInteraction) : null,
  };
}
