import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { applyAdjustment } from "../billing/adjustment.service";
import { AppError, notFound } from "../errors";

const PAGE = 30;

const approvalView = {
  id: true,
  amountCents: true,
  reason: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionReason: true,
  requestId: true,
  requestedBy: { select: { id: true, name: true, email: true } },
  decidedBy: { select: { id: true, name: true } },
  bill: {
    select: {
      id: true,
      number: true,
      totalCents: true,
      paidCents: true,
      currency: true,
      status: true,
      periodStart: true,
      customer: { select: { id: true, firstName: true, lastName: true, accountNumber: true, segment: true } },
    },
  },
} as const satisfies Prisma.BillAdjustmentSelect;

/**
 * Bill adjustments above an agent's limit wait here (PENDING, oldest first), or the decided ones:
 * approved by a supervisor or rejected (DECIDED, newest first).
 */
export async function listApprovals(
  db: Database,
  input: { view?: "PENDING" | "DECIDED"; cursor?: string; limit?: number } = {},
) {
  const take = input.limit ?? PAGE;
  const isPending = (input.view ?? "PENDING") === "PENDING";
  const where: Prisma.BillAdjustmentWhereInput = isPending
    ? { status: "PENDING_APPROVAL" }
    : { OR: [{ status: "REJECTED" }, { status: "APPLIED", decidedById: { not: null } }] };
  const rows = await db.billAdjustment.findMany({
    where,
    orderBy: isPending ? [{ createdAt: "asc" }, { id: "asc" }] : [{ decidedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: approvalView,
  });
  const items = rows.slice(0, take);
  return {
    items,
    nextCursor: rows.length > take ? items[items.length - 1]!.id : null,
    pendingCount: await countPending(db),
  };
}

export function countPending(db: Pick<Database, "billAdjustment">) {
  return db.billAdjustment.count({ where: { status: "PENDING_APPROVAL" } });
}

async function approvalById(db: Database, id: string) {
  const adjustment = await db.billAdjustment.findUnique({ where: { id }, select: approvalView });
  if (!adjustment) throw notFound("Adjustment");
  return adjustment;
}

/**
 * Approves a waiting adjustment: it is applied to the bill (bill line, totals, status, balance)
 * in one transaction with its audit entry. Approving again — a retry or a second supervisor at the
 * same moment — applies nothing more (the adjustment row is locked and already APPLIED).
 */
export async function approveAdjustment(
  db: Database,
  actor: AuditActor,
  input: { adjustmentId: string; note?: string },
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const exists = await tx.billAdjustment.findUnique({ where: { id: input.adjustmentId }, select: { id: true } });
    if (!exists) throw notFound("Adjustment");
    const applied = await applyAdjustment(tx, input.adjustmentId, {
      decidedById: actor.id,
      decisionReason: input.note || "Approved by a supervisor",
      now,
    });
    if (!applied.changed) return;
    await writeAudit(tx, actor, {
      action: "billAdjustment.approve",
      entityType: "BillAdjustment",
      entityId: applied.adjustment.id,
      before: { status: "PENDING_APPROVAL", bill: applied.before },
      after: {
        status: "APPLIED",
        bill: applied.after,
        amountCents: applied.adjustment.amountCents,
        note: input.note ?? null,
      },
    });
  });
  return approvalById(db, input.adjustmentId);
}

/** Rejects a waiting adjustment with the reason; the bill is untouched. Rejecting again changes nothing. */
export async function rejectAdjustment(
  db: Database,
  actor: AuditActor,
  input: { adjustmentId: string; reason: string },
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    await tx.$kysely
      .selectFrom("BillAdjustment")
      .select("id")
      .where("id", "=", input.adjustmentId)
      .forUpdate()
      .execute();
    const adjustment = await tx.billAdjustment.findUnique({ where: { id: input.adjustmentId } });
    if (!adjustment) throw notFound("Adjustment");
    if (adjustment.status === "REJECTED") return;
    if (adjustment.status === "APPLIED") throw new AppError("CONFLICT", "The adjustment was already applied");
    await tx.billAdjustment.update({
      where: { id: adjustment.id },
      data: { status: "REJECTED", decidedById: actor.id, decidedAt: now, decisionReason: input.reason },
    });
    await writeAudit(tx, actor, {
      action: "billAdjustment.reject",
      entityType: "BillAdjustment",
      entityId: adjustment.id,
      before: { status: adjustment.status, billId: adjustment.billId, amountCents: adjustment.amountCents },
      after: { status: "REJECTED", reason: input.reason },
    });
  });
  return approvalById(db, input.adjustmentId);
}
