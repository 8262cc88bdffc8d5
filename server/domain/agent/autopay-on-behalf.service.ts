import "server-only";
import type { Database } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { getAutopay, turnAutopayOff, type AutopayView } from "../payment/autopay.service";
import type { AgentActor } from "./agent-actor";
import type { AgentDisableAutopayInput } from "./agent.schema";

async function getCustomerIdOrThrow(db: Database, customerId: string): Promise<string> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw notFound("Customer");
  return customer.id;
}

/** `agent.autopay`: the customer's autopay as the subscriber sees it (the card's brand and last four only). */
export async function getAutopayOnBehalf(db: Database, customerId: string): Promise<AutopayView> {
  return getAutopay(db, await getCustomerIdOrThrow(db, customerId));
}

/**
 * `agent.disableAutopay`: autopay turned off by an agent on the phone (channel PHONE), audited with
 * the setting before and after in the same transaction. Agents never turn it on: card details are
 * not taken over the phone, the subscriber does it in their app. Off already, or turned off by a
 * concurrent call (the row update has one winner), it answers the view and writes no entry; a
 * replayed key finds its entry and changes nothing more, even after the subscriber turned it on again.
 */
export async function disableAutopayOnBehalf(
  db: Database,
  actor: AgentActor,
  input: AgentDisableAutopayInput,
): Promise<AutopayView> {
  const customerId = await getCustomerIdOrThrow(db, input.customerId);
  const auditKey = `autopay.disable:${input.idempotencyKey}`;
  const done = await db.auditLog.findFirst({ where: { actorId: actor.id, idempotencyKey: auditKey } });
  if (done) {
    if (done.entityId !== customerId)
      throw new AppError("CONFLICT", "This idempotency key was already used for another customer");
    return getAutopay(db, customerId);
  }
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.autopaySetting.findUnique({ where: { customerId } });
      const isTurnedOff = await turnAutopayOff(tx, { customerId, actorId: actor.id, channel: "PHONE" });
      if (!isTurnedOff || !before) return;
      const card = { cardBrand: before.cardBrand, cardLast4: before.cardLast4 };
      await writeAudit(tx, actor, {
        action: "autopay.disable",
        entityType: "AutopaySetting",
        entityId: customerId,
        idempotencyKey: auditKey,
        before: { enabled: true, ...card },
        after: { enabled: false, ...card },
      });
    });
  } catch (error) {
    // Its concurrent twin (the same key) turned it off and wrote the entry.
    if (!isUniqueViolation(error)) throw error;
  }
  return getAutopay(db, customerId);
}
