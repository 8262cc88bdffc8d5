import "server-only";
import type { Database } from "../../db/client";
import { log } from "../../log";
import type { ChargeResult, ChargeStatus, PaymentProvider } from "./payment-provider";
import {
  getPaymentProvider,
  providerKeyOf,
  settle,
  STALE_PENDING_MS,
  UNSETTLED_STATUSES,
  type PaymentView,
} from "./payment.service";
import { isReviewDue, MAX_RECONCILE_ATTEMPTS, reconcileRetryDelayMs } from "./reconcile-rules";

/** Payments one run looks at; the job runs every minute, so a backlog drains run by run. */
const BATCH = 50;

export type ReconcileReport = { checked: number; paid: number; declined: number; unknown: number; flagged: number };

type Unsettled = {
  id: string;
  actorId: string;
  idempotencyKey: string;
  status: string;
  reconcileAttempts: number;
  needsReviewAt: Date | null;
};

/** The provider never took a charge with this key: nothing was charged, the bill can be paid again. */
const NOT_CHARGED: ChargeResult = {
  status: "DECLINED",
  providerRef: "",
  cardLast4: null,
  cardBrand: null,
  failureReason: "not_charged",
};

/**
 * The `payments:reconcile` job: every PENDING payment older than a charge can take (its process
 * died between the provider and the database) and every UNKNOWN one whose time has come is
 * settled by what the provider says of its idempotency key: charged (the bill is paid, once: the
 * same claim as in `bill.pay`), declined, or never charged (DECLINED, the bill can be paid again).
 * Without an answer it asks again later, backing off; past the bound it is flagged for review.
 */
export async function reconcilePayments(
  db: Database,
  options: { provider?: PaymentProvider; now?: Date } = {},
): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const provider = options.provider ?? getPaymentProvider(db);
  const isDue = { OR: [{ nextReconcileAt: null }, { nextReconcileAt: { lte: now } }] };
  const payments = await db.payment.findMany({
    where: {
      OR: [
        { status: "PENDING", createdAt: { lte: new Date(now.getTime() - STALE_PENDING_MS) }, ...isDue },
        { status: "UNKNOWN", ...isDue },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: {
      id: true,
      actorId: true,
      idempotencyKey: true,
      status: true,
      reconcileAttempts: true,
      needsReviewAt: true,
    },
  });
  const report: ReconcileReport = { checked: payments.length, paid: 0, declined: 0, unknown: 0, flagged: 0 };
  for (const payment of payments) {
    const outcome = await reconcilePayment(db, provider, payment, now);
    report[outcome] += 1;
  }
  return report;
}

async function reconcilePayment(
  db: Database,
  provider: PaymentProvider,
  payment: Unsettled,
  now: Date,
): Promise<"paid" | "declined" | "unknown" | "flagged"> {
  let answer: ChargeStatus;
  try {
    answer = await provider.getPaymentStatus(providerKeyOf(payment));
  } catch (error) {
    log.warn({ err: error, paymentId: payment.id }, "payment provider gave no status; will ask again");
    return stillUnknown(db, payment, now);
  }
  const settled: PaymentView = await settle(db, payment.id, answer.status === "NOT_FOUND" ? NOT_CHARGED : answer, now);
  log.info({ paymentId: payment.id, status: settled.status }, "payment reconciled");
  return settled.status === "SUCCEEDED" ? "paid" : "declined";
}

/** No answer: UNKNOWN (also a stale PENDING one), asked again after the backoff, flagged once at the bound. */
async function stillUnknown(db: Database, payment: Unsettled, now: Date): Promise<"unknown" | "flagged"> {
  const attempts = payment.reconcileAttempts + 1;
  const isFlagging = isReviewDue(attempts) && !payment.needsReviewAt;
  return db.$transaction(async (tx) => {
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, status: { in: [...UNSETTLED_STATUSES] }, reconcileAttempts: payment.reconcileAttempts },
      data: {
        status: "UNKNOWN",
        reconcileAttempts: attempts,
        nextReconcileAt: new Date(now.getTime() + reconcileRetryDelayMs(attempts)),
        ...(isFlagging ? { needsReviewAt: now } : {}),
      },
    });
    // Another run settled or counted it meanwhile: its write stands.
    if (count === 0 || !isFlagging) return "unknown";
    // No person acted: the job's own entry, for the audit viewer and whoever checks with the provider.
    await tx.auditLog.create({
      data: {
        action: "payment.needsReview",
        entityType: "Payment",
        entityId: payment.id,
        before: { status: payment.status, reconcileAttempts: payment.reconcileAttempts },
        after: {
          status: "UNKNOWN",
          reconcileAttempts: attempts,
          reason: `The payment provider gave no status after ${MAX_RECONCILE_ATTEMPTS} tries: check the payment with the provider`,
        },
        at: now,
      },
    });
    log.error({ paymentId: payment.id, attempts }, "payment outcome still unknown: flagged for review");
    return "flagged";
  });
}
