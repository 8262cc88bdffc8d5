import "server-only";
import type { Transaction } from "../../db/client";

/**
 * Locks the customer's line for the rest of the transaction, so that changes to one line (a tariff
 * change, an add-on purchase, a block or suspension) run one after another and each sees the
 * others' result. A line that is not the customer's locks nothing.
 */
export async function lockCustomerLine(tx: Transaction, input: { lineId: string; customerId: string }) {
  await tx.$kysely
    .selectFrom("Line")
    .select("id")
    .where("id", "=", input.lineId)
    .where("customerId", "=", input.customerId)
    .forUpdate()
    .execute();
}
