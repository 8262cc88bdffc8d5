import "server-only";
import type { Role } from "@prisma/client";
import type { Database } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { issueCommand } from "../provisioning/provisioning.service";
import type { CompletePickupInput } from "./sim.schema";
import { simSwapSourceKey } from "./sim-replacement.service";

export type PickupDealer = { partnerId: string; userId: string; role: Role; ip: string };

/**
 * `partner.simReplacements.list`: the physical SIMs waiting at this dealer, oldest first, with what
 * the dealer needs to hand one over (name, number) and nothing more. Another dealer's are not here.
 */
export async function listPickups(db: Database, input: { partnerId: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 25;
  const rows = await db.simReplacement.findMany({
    where: { pickupPartnerId: input.partnerId, kind: "PHYSICAL", status: "AWAITING_PICKUP" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      status: true,
      createdAt: true,
      line: { select: { msisdn: true, customer: { select: { firstName: true, lastName: true } } } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      status: row.status,
      createdAt: row.createdAt,
      msisdn: row.line.msisdn,
      customerName: `${row.line.customer.firstName} ${row.line.customer.lastName}`,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

const cancelledByCustomer = () =>
  new AppError("CONFLICT", "The customer cancelled this SIM replacement: do not hand the SIM over");

const passportDigits = (documentNumber: string | null) => (documentNumber ?? "").replace(/\D/g, "");

/**
 * `partner.simReplacements.complete`: the dealer checked the customer's passport and handed over
 * the SIM with this ICCID; the SIM_SWAP command goes to the network in the same transaction (the
 * old SIM works until it is done). Sent again with the same ICCID it answers the same; audited.
 */
export async function completePickup(db: Database, dealer: PickupDealer, input: CompletePickupInput) {
  const replacement = await db.simReplacement.findFirst({
    where: { id: input.replacementId, pickupPartnerId: dealer.partnerId, kind: "PHYSICAL" },
    include: { line: { select: { id: true, customerId: true, customer: { select: { documentNumber: true } } } } },
  });
  if (!replacement) throw notFound("SIM replacement");
  const answer = (status: string) => ({ id: replacement.id, status, iccid: input.iccid });
  if (replacement.status === "CANCELLED") throw cancelledByCustomer();
  if (replacement.status !== "AWAITING_PICKUP") {
    if (replacement.iccid === input.iccid) return answer(replacement.status);
    throw new AppError("CONFLICT", "This SIM replacement is already completed");
  }
  const document = passportDigits(replacement.line.customer.documentNumber);
  if (document && !document.endsWith(input.documentLast4)) {
    throw badRequest("documentLast4", "Does not match the passport on the customer's file");
  }
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.simReplacement.updateMany({
        where: { id: replacement.id, status: "AWAITING_PICKUP" },
        data: { status: "ACTIVATING", iccid: input.iccid, completedById: dealer.userId, completedAt: new Date() },
      });
      if (taken.count === 0) {
        const now = await tx.simReplacement.findUniqueOrThrow({ where: { id: replacement.id } });
        if (now.status === "CANCELLED") throw cancelledByCustomer();
        if (now.iccid === input.iccid) return answer(now.status);
        throw new AppError("CONFLICT", "This SIM replacement is already completed");
      }
      const command = await issueCommand(tx, {
        lineId: replacement.lineId,
        kind: "SIM_SWAP",
        payload: { replacementId: replacement.id, kind: "PHYSICAL", iccid: input.iccid },
        sourceKey: simSwapSourceKey(replacement.id),
      });
      await recordInteraction(tx, {
        customerId: replacement.line.customerId,
        channel: "PARTNER",
        type: "SIM_HANDED_OVER",
        actorId: dealer.userId,
        data: { lineId: replacement.lineId, replacementId: replacement.id, commandId: command.id },
      });
      await writeAudit(
        tx,
        { id: dealer.userId, role: dealer.role, ip: dealer.ip },
        {
          action: "sim.handOver",
          entityType: "SimReplacement",
          entityId: replacement.id,
          before: { status: "AWAITING_PICKUP", iccid: null },
          after: { status: "ACTIVATING", iccid: input.iccid, commandId: command.id },
          idempotencyKey: `sim.handOver:${replacement.id}`,
        },
      );
      return answer("ACTIVATING");
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const now = await db.simReplacement.findUniqueOrThrow({ where: { id: replacement.id } });
    if (now.iccid === input.iccid) return answer(now.status);
    throw badRequest("iccid", "This SIM has already been handed out");
  }
}
