import "server-only";
import type { Database } from "../../db/client";
import type { ChargeResult, ChargeStatus, PaymentProvider } from "./payment-provider";
import { decideTestCharge, decideTestSaveCard } from "./test-provider";

type ChargeRow = {
  providerRef: string;
  status: string;
  cardLast4: string | null;
  cardBrand: string | null;
  failureReason: string | null;
};

function resultOf(row: ChargeRow): ChargeResult {
  const { providerRef, cardLast4, cardBrand } = row;
  return row.status === "SUCCEEDED"
    ? { status: "SUCCEEDED", providerRef, cardLast4, cardBrand }
    : { status: "DECLINED", providerRef, cardLast4, cardBrand, failureReason: row.failureReason ?? "card_declined" };
}

/**
 * The built-in test provider. Like a real one it keeps every charge by its idempotency key (in its
 * own table, so the record survives a restart): a retried charge answers the first result, and
 * `getPaymentStatus` tells the reconcile job whether a charge was taken.
 */
export function createTestPaymentProvider(db: Pick<Database, "testProviderCharge">): PaymentProvider {
  return {
    name: "test",
    async saveCard(token) {
      return decideTestSaveCard(token);
    },
    async charge(request) {
      const decided = decideTestCharge(request);
      await db.testProviderCharge.createMany({
        data: [
          {
            idempotencyKey: request.idempotencyKey,
            providerRef: decided.providerRef,
            amountCents: request.amountCents,
            currency: request.currency,
            status: decided.status,
            cardLast4: decided.cardLast4,
            cardBrand: decided.cardBrand,
            failureReason: decided.status === "DECLINED" ? decided.failureReason : null,
          },
        ],
        skipDuplicates: true,
      });
      return resultOf(
        await db.testProviderCharge.findUniqueOrThrow({ where: { idempotencyKey: request.idempotencyKey } }),
      );
    },
    async getPaymentStatus(idempotencyKey): Promise<ChargeStatus> {
      const row = await db.testProviderCharge.findUnique({ where: { idempotencyKey } });
      return row ? resultOf(row) : { status: "NOT_FOUND" };
    },
  };
}
