import "server-only";
import type { SimReplacementStatus } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import type { AgentActor } from "../agent/agent-actor";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { lockCustomerLine } from "../line/line-lock.service";
import type { CancelSimReplacementInput } from "./sim.schema";
import type { SimActor } from "./sim-replacement.service";
import { toReplacementView } from "./sim-view";

/** Not yet with the network: a physical SIM not handed over, an eSIM whose code was not downloaded. */
const CANCELLABLE: SimReplacementStatus[] = ["AWAITING_PICKUP", "READY"];
const CANCELLED_TYPE = "SIM_REPLACEMENT_CANCELLED";
const withPickup = { pickupPartner: { select: { id: true, name: true, code: true } } } as const;

/** The replacement an earlier cancel with this key cancelled, if any: a replay answers it again. */
async function cancelledByKey(db: Database | Transaction, customerId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  const earlier = await db.interaction.findFirst({
    where: { customerId, type: CANCELLED_TYPE, data: { path: ["idempotencyKey"], equals: idempotencyKey } },
    select: { data: true },
  });
  const replacementId = (earlier?.data as { replacementId?: string } | null)?.replacementId;
  return replacementId ? db.simReplacement.findUnique({ where: { id: replacementId }, include: withPickup }) : null;
}

/**
 * `sim.cancelReplacement`: cancels the line's replacement that has not reached the network yet (a
 * physical SIM still waiting at the dealer, an eSIM whose code was not downloaded); the old SIM keeps
 * working and a new one can be ordered. Once the SIM_SWAP is issued it is PRECONDITION_FAILED. A
 * replay (the same key, or the latest replacement already cancelled) answers the cancelled one; the
 * row updates are guarded by status, so a cancel racing the dealer or the download has one winner.
 */
export async function cancelSimReplacement(db: Database, actor: SimActor, input: CancelSimReplacementInput) {
  const line = await db.line.findFirst({
    where: { id: input.lineId, customerId: actor.customerId, status: { not: "TERMINATED" } },
    select: { id: true },
  });
  if (!line) throw notFound("Line");
  return db.$transaction(async (tx) => {
    await lockCustomerLine(tx, { lineId: line.id, customerId: actor.customerId });
    const replayed = await cancelledByKey(tx, actor.customerId, input.idempotencyKey);
    if (replayed) {
      if (replayed.lineId !== line.id)
        throw new AppError("CONFLICT", "This idempotency key was already used for another request");
      return toReplacementView(replayed);
    }
    const latest = await tx.simReplacement.findFirst({
      where: { lineId: line.id },
      orderBy: { createdAt: "desc" },
      include: withPickup,
    });
    if (!latest) throw notFound("SIM replacement");
    if (latest.status === "CANCELLED") return toReplacementView(latest);
    const taken = await tx.simReplacement.updateMany({
      where: { id: latest.id, status: { in: CANCELLABLE }, downloadedAt: null },
      data: { status: "CANCELLED" },
    });
    if (taken.count === 0) {
      throw new AppError(
        "PRECONDITION_FAILED",
        "The new SIM is already being activated (or active): this replacement can no longer be cancelled",
      );
    }
    await recordInteraction(tx, {
      customerId: actor.customerId,
      channel: actor.channel,
      type: CANCELLED_TYPE,
      actorId: actor.userId,
      data: {
        lineId: line.id,
        replacementId: latest.id,
        kind: latest.kind,
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
      },
    });
    return toReplacementView({ ...latest, status: "CANCELLED" });
  });
}

/**
 * `agent.cancelSimReplacement`: the same on the customer's behalf (channel PHONE), audited with the
 * replacement's status before and after; a replayed key writes no second entry.
 */
export async function cancelSimReplacementOnBehalf(
  db: Database,
  actor: AgentActor,
  input: CancelSimReplacementInput & { idempotencyKey: string },
) {
  const line = await db.line.findUnique({ where: { id: input.lineId }, select: { id: true, customerId: true } });
  if (!line) throw notFound("Line");
  const before = await db.simReplacement.findFirst({
    where: { lineId: line.id },
    orderBy: { createdAt: "desc" },
    select: { status: true },
  });
  const cancelled = await cancelSimReplacement(
    db,
    { customerId: line.customerId, userId: actor.id, channel: "PHONE" },
    input,
  );
  try {
    await writeAudit(db, actor, {
      action: "sim.cancelReplacement",
      entityType: "SimReplacement",
      entityId: cancelled.id,
      idempotencyKey: `sim.cancelReplacement:${input.idempotencyKey}`,
      before: { status: before?.status ?? null },
      after: { status: cancelled.status },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return cancelled;
}
