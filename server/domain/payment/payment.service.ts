import "server-only";
import type { Channel, Payment } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { amountDueCents, billStatusAfter } from "../billing/bill-status";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { queueValueRecompute } from "../value/queue-recompute.service";
import { translatorFor } from "../../i18n/translator";
import type { ChargeResult, PaymentProvider } from "./payment-provider";
import { createTestPaymentProvider } from "./test-provider.service";
import { log } from "../../log";

type PayInput = {
  customerId: string;
  billId: string;
  amountCents?: number;
  idempotencyKey: string;
  paymentToken?: string;
  actorId: string;
  channel: Channel;
  /** The payer's language, for the refusal while another payment of the bill is being confirmed. */
  locale?: string | null;
};

const REPLAY_WAIT_MS = 10_000;
/** A PENDING payment this old lost its process between the provider and the database: charge again (same key, same charge). */
export const STALE_PENDING_MS = 30_000;
/** When the reconcile job first asks the provider about a payment it did not answer for. */
export const FIRST_RECONCILE_DELAY_MS = 60_000;

/** Payments whose outcome the provider has not told us yet: they hold the bill until reconciled. */
export const UNSETTLED_STATUSES = ["PENDING", "UNKNOWN"] as const;

class SameKeyInFlight extends Error {}

const billSummary = {
  select: { id: true, number: true, status: true, totalCents: true, paidCents: true, currency: true },
} as const;

export type PaymentView = Payment & {
  bill: { id: string; number: string; status: string; totalCents: number; paidCents: number; currency: string };
};

/** Columns only the server and staff need: how the payment is keyed, and the reconcile job's bookkeeping. */
export type SubscriberPaymentView = Omit<
  PaymentView,
  "actorId" | "idempotencyKey" | "reconcileAttempts" | "nextReconcileAt" | "needsReviewAt"
>;

/** A payment as its subscriber sees it: without the internal columns. */
export function toSubscriberPayment<T extends PaymentView>(payment: T): SubscriberPaymentView {
  const {
    actorId: _actorId,
    idempotencyKey: _idempotencyKey,
    reconcileAttempts: _reconcileAttempts,
    nextReconcileAt: _nextReconcileAt,
    needsReviewAt: _needsReviewAt,
    ...visible
  } = payment;
  return visible;
}

/** The payment provider in use; the built-in test provider is the only one shipped. */
export function getPaymentProvider(db: Database): PaymentProvider {
  return createTestPaymentProvider(db);
}

/** The key the provider knows a payment by: idempotency keys are per actor, the provider's are global. */
export function providerKeyOf(payment: { actorId: string; idempotencyKey: string }): string {
  return `${payment.actorId}:${payment.idempotencyKey}`;
}

function findByKey(db: Database, actorId: string, idempotencyKey: string): Promise<PaymentView | null> {
  return db.payment.findUnique({
    where: { actorId_idempotencyKey: { actorId, idempotencyKey } },
    include: { bill: billSummary },
  });
}

/** The bill under a row lock: payments, adjustments and approvals of one bill queue up behind each other. */
function selectBillForUpdate(tx: Transaction) {
  return tx.$kysely
    .selectFrom("Bill")
    .select(["id", "number", "totalCents", "paidCents", "status", "currency", "dueAt"])
    .forUpdate();
}

/**
 * Pays a bill (all that is due, or part of it) through the provider. The same idempotency key
 * returns the same payment, also while the first attempt is still at the provider; concurrent
 * payments with different keys can never pay more than is due, because each reserves its amount
 * as a PENDING row under the bill's row lock. A decline is a stored DECLINED payment, not an error.
 * A provider that does not answer leaves the payment UNKNOWN (never DECLINED: the card may have been
 * charged); while a payment of the bill is PENDING or UNKNOWN, another key answers CONFLICT until the
 * reconcile job (reconcile.service.ts) has the provider's answer, so nobody is charged twice.
 */
export async function payBill(db: Database, input: PayInput, provider = getPaymentProvider(db)): Promise<PaymentView> {
  const existing = await findByKey(db, input.actorId, input.idempotencyKey);
  if (existing) return replay(db, existing, input, provider);

  let reserved: PaymentView;
  try {
    reserved = await db.$transaction(async (tx) => {
      const bill = await selectBillForUpdate(tx)
        .where("id", "=", input.billId)
        .where("customerId", "=", input.customerId)
        .executeTakeFirst();
      if (!bill) throw notFound("Bill");
      if (bill.status === "CANCELLED") throw badRequest("billId", "This bill is cancelled");
      const due = amountDueCents(bill);
      if (due === 0) throw badRequest("billId", "This bill is already paid");
      const inFlight = await tx.payment.findFirst({
        where: { billId: bill.id, status: { in: [...UNSETTLED_STATUSES] } },
        select: { actorId: true, idempotencyKey: true },
      });
      if (inFlight?.actorId === input.actorId && inFlight.idempotencyKey === input.idempotencyKey) {
        // A concurrent call with this key reserved it first: its payment is the answer.
        throw new SameKeyInFlight();
      }
      if (inFlight) throw new AppError("CONFLICT", translatorFor(input.locale, "payments")("inFlight"));
      const amountCents = input.amountCents ?? due;
      if (amountCents > due) throw badRequest("amountCents", `At most ${due} can be paid on this bill now`);
      return tx.payment.create({
        data: {
          billId: bill.id,
          customerId: input.customerId,
          amountCents,
          currency: bill.currency,
          status: "PENDING",
          provider: provider.name,
          actorId: input.actorId,
          idempotencyKey: input.idempotencyKey,
          channel: input.channel,
        },
        include: { bill: billSummary },
      });
    });
  } catch (error) {
    if (!(error instanceof SameKeyInFlight) && !isUniqueViolation(error)) throw error;
    const winner = await findByKey(db, input.actorId, input.idempotencyKey);
    if (!winner) throw error;
    return replay(db, winner, input, provider);
  }
  return charge(db, reserved, input.paymentToken, provider);
}

async function charge(
  db: Database,
  payment: PaymentView,
  token: string | undefined,
  provider: PaymentProvider,
): Promise<PaymentView> {
  let result: ChargeResult;
  try {
    result = await provider.charge({
      amountCents: payment.amountCents,
      currency: payment.currency,
      token,
      idempotencyKey: providerKeyOf(payment),
      description: `Bill ${payment.bill.number}`,
    });
  } catch (error) {
    log.warn({ err: error, paymentId: payment.id }, "payment provider error; the outcome is unknown until reconciled");
    return markUnknown(db, payment.id);
  }
  return settle(db, payment.id, result);
}

/** The provider did not answer: the payment waits, UNKNOWN, for the reconcile job to ask it. */
async function markUnknown(db: Database, paymentId: string, now = new Date()): Promise<PaymentView> {
  await db.payment.updateMany({
    where: { id: paymentId, status: "PENDING" },
    data: {
      status: "UNKNOWN",
      failureReason: "provider_unavailable",
      nextReconcileAt: new Date(now.getTime() + FIRST_RECONCILE_DELAY_MS),
    },
  });
  return db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { bill: billSummary } });
}

/**
 * Writes the provider's answer once: the payment, and on success the bill, its status and the
 * balance. Only a PENDING or UNKNOWN payment takes it, so a payment charged in `bill.pay` and
 * reconciled by the job at the same time pays the bill once.
 */
export async function settle(
  db: Database,
  paymentId: string,
  result: ChargeResult,
  now = new Date(),
): Promise<PaymentView> {
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const bill = await selectBillForUpdate(tx).where("id", "=", payment.billId).executeTakeFirstOrThrow();
    const claimed = await tx.payment.updateMany({
      where: { id: paymentId, status: { in: [...UNSETTLED_STATUSES] } },
      data: {
        status: result.status,
        providerRef: result.providerRef || null,
        cardLast4: result.cardLast4,
        failureReason: result.status === "DECLINED" ? result.failureReason : null,
        nextReconcileAt: null,
      },
    });
    if (claimed.count === 1) {
      if (result.status === "SUCCEEDED") {
        const paidCents = bill.paidCents + payment.amountCents;
        const status = billStatusAfter({
          totalCents: bill.totalCents,
          paidCents,
          dueAt: bill.dueAt,
          now,
          isCancelled: bill.status === "CANCELLED",
        });
        await tx.bill.update({
          where: { id: bill.id },
          data: { paidCents, status, ...(status === "PAID" ? { paidAt: now } : {}) },
        });
        await tx.customer.update({
          where: { id: payment.customerId },
          data: { balanceCents: { decrement: payment.amountCents } },
        });
        await queueValueRecompute(tx, payment.customerId);
      }
      await recordInteraction(tx, {
        customerId: payment.customerId,
        channel: payment.channel,
        type: "PAYMENT",
        actorId: payment.actorId,
        data: { paymentId, billId: bill.id, amountCents: payment.amountCents, status: result.status },
        at: now,
      });
    }
    return tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { bill: billSummary } });
  });
}

async function replay(
  db: Database,
  payment: PaymentView,
  input: PayInput,
  provider: PaymentProvider,
): Promise<PaymentView> {
  // A key is per actor; reusing it for another bill must neither pay it nor reveal the first one.
  if (payment.billId !== input.billId || payment.customerId !== input.customerId) {
    throw new AppError("CONFLICT", "This idempotency key was already used for another payment");
  }
  const deadline = Date.now() + REPLAY_WAIT_MS;
  let current = payment;
  while (current.status === "PENDING" && Date.now() < deadline) {
    if (Date.now() - current.createdAt.getTime() > STALE_PENDING_MS)
      return charge(db, current, input.paymentToken, provider);
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = (await findByKey(db, input.actorId, input.idempotencyKey)) ?? current;
  }
  return current;
}

/** The customer's payments, newest first. */
export async function listPayments(db: Database, input: { customerId: string; limit?: number }) {
  return db.payment.findMany({
    where: { customerId: input.customerId },
    orderBy: { createdAt: "desc" },
    take: input.limit ?? 20,
    include: { bill: billSummary },
  });
}
