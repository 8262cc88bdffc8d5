-- Money that cannot get stuck (issue 15): a provider error leaves a payment UNKNOWN (the card may
-- have been charged) instead of DECLINED, the reconcile job asks the provider by the idempotency key,
-- backs off while it has no answer and, past a bound, marks the payment for review by a supervisor.
-- The built-in test provider keeps what it charged per key, so it answers after a restart.
-- AlterEnum
ALTER TYPE "PaymentStatus" ADD VALUE 'UNKNOWN' BEFORE 'SUCCEEDED';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "needsReviewAt" TIMESTAMP(3),
ADD COLUMN     "nextReconcileAt" TIMESTAMP(3),
ADD COLUMN     "reconcileAttempts" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TestProviderCharge" (
    "idempotencyKey" TEXT NOT NULL,
    "providerRef" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cardLast4" TEXT,
    "cardBrand" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestProviderCharge_pkey" PRIMARY KEY ("idempotencyKey")
);

-- CreateIndex
CREATE INDEX "Payment_status_nextReconcileAt_idx" ON "Payment"("status", "nextReconcileAt");
