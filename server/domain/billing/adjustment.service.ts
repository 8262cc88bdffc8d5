import "server-only";
import type { BillAdjustment } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { getActivePolicy } from "../routing/policy.service";
import { adjustmentError, creditPeriodStarts, decideAdjustment } from "./adjustment-rules";
import { billStatusAfter } from "./bill-status";

type Tx = Transaction;

export type BillSnapshot = {
  billId: string;
  subtotalCents: number;
  totalCents: number;
  paidCents: number;
  status: string;
  balanceCents: number;
};

export type AppliedAdjustment = {
  adjustment: BillAdjustment;
  before: BillSnapshot;
  after: BillSnapshot;
  /** False when the adjustment had already been applied (a replayed approval). */
  changed: boolean;
};

async function lockBill(tx: Tx, billId: string) {
  // Row lock: payments, adjustments and approvals of one bill queue up behind each other.
  await tx.$kysely.selectFrom("Bill").select("id").where("id", "=", billId).forUpdate().execute();
  const bill = await tx.bill.findUnique({
    where: { id: billId },
    include: { customer: { select: { id: true, balanceCents: true } } },
  });
  if (!bill) throw notFound("Bill");
  return bill;
}

function snapshotOf(
  bill: { id: string; subtotalCents: number; totalCents: number; paidCents: number; status: string },
  balanceCents: number,
): BillSnapshot {
  return {
    billId: bill.id,
    subtotalCents: bill.subtotalCents,
    totalCents: bill.totalCents,
    paidCents: bill.paidCents,
    status: bill.status,
    balanceCents,
  };
}

/**
 * Puts an adjustment on its bill: an ADJUSTMENT bill line (negative is a credit), subtotal and
 * total moved by the same amount (so total = subtotal + tax still holds), the bill's status
 * recomputed, and the customer's balance moved with it. Runs in the caller's transaction.
 * Used when an agent's adjustment is within the limit and when a supervisor approves one
 * (pass `decidedById`); applying an applied adjustment again changes nothing.
 */
export async function applyAdjustment(
  tx: Tx,
  adjustmentId: string,
  options: { decidedById?: string | null; decisionReason?: string | null; now?: Date } = {},
): Promise<AppliedAdjustment> {
  const now = options.now ?? new Date();
  await tx.$kysely.selectFrom("BillAdjustment").select("id").where("id", "=", adjustmentId).forUpdate().execute();
  const adjustment = await tx.billAdjustment.findUnique({ where: { id: adjustmentId } });
  if (!adjustment) throw notFound("Adjustment");
  const bill = await lockBill(tx, adjustment.billId);
  const before = snapshotOf(bill, bill.customer.balanceCents);

  if (adjustment.status === "APPLIED") return { adjustment, before, after: before, changed: false };
  if (adjustment.status === "REJECTED") throw new AppError("CONFLICT", "The adjustment was rejected");
  const problem = adjustmentError(bill, adjustment.amountCents);
  if (problem) throw badRequest("amountCents", problem);

  await tx.billLine.create({
    data: { billId: bill.id, kind: "ADJUSTMENT", description: adjustment.reason, amountCents: adjustment.amountCents },
  });
  const totalCents = bill.totalCents + adjustment.amountCents;
  const status = billStatusAfter({
    totalCents,
    paidCents: bill.paidCents,
    dueAt: bill.dueAt,
    now,
    isCancelled: bill.status === "CANCELLED",
  });
  const updatedBill = await tx.bill.update({
    where: { id: bill.id },
    data: {
      subtotalCents: { increment: adjustment.amountCents },
      totalCents: { increment: adjustment.amountCents },
      status,
      paidAt: status === "PAID" ? (bill.paidAt ?? now) : null,
    },
  });
  const customer = await tx.customer.update({
    where: { id: bill.customerId },
    data: { balanceCents: { increment: adjustment.amountCents } },
    select: { balanceCents: true },
  });
  const applied = await tx.billAdjustment.update({
    where: { id: adjustment.id },
    data: {
      status: "APPLIED",
      ...(options.decidedById
        ? { decidedById: options.decidedById, decidedAt: now, decisionReason: options.decisionReason ?? null }
        : {}),
    },
  });
  return { adjustment: applied, before, after: snapshotOf(updatedBill, customer.balanceCents), changed: true };
}

/**
 * Credits applied without a supervisor's approval since `since`: by one agent (any customer) or to
 * one customer (any agent). Approved adjustments were a supervisor's decision and do not count.
 */
async function unapprovedCreditsSince(tx: Tx, since: Date, by: { requestedById: string } | { customerId: string }) {
  let query = tx.$kysely
    .selectFrom("BillAdjustment")
    .innerJoin("Bill", "Bill.id", "BillAdjustment.billId")
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<string | number | null>("BillAdjustment.amountCents"), eb.lit(0)).as("sum"),
    )
    .where("BillAdjustment.status", "=", "APPLIED")
    .where("BillAdjustment.decidedById", "is", null)
    .where("BillAdjustment.amountCents", "<", 0)
    .where("BillAdjustment.createdAt", ">=", since);
  query =
    "requestedById" in by
      ? query.where("BillAdjustment.requestedById", "=", by.requestedById)
      : query.where("Bill.customerId", "=", by.customerId);
  const row = await query.executeTakeFirstOrThrow();
  return -Number(row.sum);
}

/**
 * Serialises the credits that share a budget: the agent's (their user row) and the customer's
 * (their row), locked after the bill, the order every adjustment and payment takes, so two
 * parallel credits cannot both slip under a limit and no two transactions wait on each other.
 */
async function lockCreditBudgets(tx: Tx, agentId: string, customerId: string) {
  await tx.$kysely.selectFrom("User").select("id").where("id", "=", agentId).forUpdate().execute();
  await tx.$kysely.selectFrom("Customer").select("id").where("id", "=", customerId).forUpdate().execute();
}

export type AdjustBillInput = {
  billId: string;
  amountCents: number;
  reason: string;
  idempotencyKey: string;
  requestId?: string | null;
};

function isSameAdjustment(existing: BillAdjustment, input: AdjustBillInput): boolean {
  return existing.billId === input.billId && existing.amountCents === input.amountCents;
}

async function replayOf(db: Database, actorId: string, input: AdjustBillInput) {
  const existing = await db.billAdjustment.findUnique({
    where: { requestedById_idempotencyKey: { requestedById: actorId, idempotencyKey: input.idempotencyKey } },
  });
  if (existing && !isSameAdjustment(existing, input)) {
    throw new AppError("CONFLICT", "This idempotency key was used for another adjustment");
  }
  return existing;
}

/**
 * An agent adjusts a bill on the customer's behalf. Within the agent's limits from the routing
 * policy (per bill; for credits also per agent a day and per customer a month, see
 * `decideAdjustment`) it is applied at once; above any a PENDING_APPROVAL adjustment waits for a supervisor
 * (who applies it with `applyAdjustment`). Audited with the bill before and after, recorded as
 * a PHONE interaction; the idempotency key (per agent) makes a retry return the same adjustment.
 */
export async function adjustBill(db: Database, actor: AuditActor, input: AdjustBillInput, now = new Date()) {
  const replay = await replayOf(db, actor.id, input);
  if (replay) return { ...replay, replayed: true };

  const bill = await db.bill.findUnique({ where: { id: input.billId }, select: { id: true, customerId: true } });
  if (!bill) throw notFound("Bill");
  if (input.requestId) {
    const request = await db.serviceRequest.findFirst({
      where: { id: input.requestId, customerId: bill.customerId },
      select: { id: true },
    });
    if (!request) throw badRequest("requestId", "The request is not this customer's");
  }
  const { config } = await getActivePolicy(db);

  try {
    const adjustment = await db.$transaction(async (tx) => {
      const locked = await lockBill(tx, bill.id);
      const problem = adjustmentError(locked, input.amountCents);
      if (problem) throw badRequest("amountCents", problem);
      // Credits and charges both count against the limit: sum their sizes, not their signs.
      const unapprovedAppliedCents = await tx.billAdjustment
        .findMany({ where: { billId: bill.id, status: "APPLIED", decidedById: null }, select: { amountCents: true } })
        .then((rows) => rows.reduce((sum, row) => sum + Math.abs(row.amountCents), 0));
      const isAgentCredit = actor.role !== "ADMIN" && input.amountCents < 0;
      let budgets = {};
      if (isAgentCredit) {
        await lockCreditBudgets(tx, actor.id, bill.customerId);
        const { dayStart, monthStart } = creditPeriodStarts(now);
        const agentToday = await unapprovedCreditsSince(tx, dayStart, { requestedById: actor.id });
        const customerThisMonth = await unapprovedCreditsSince(tx, monthStart, { customerId: bill.customerId });
        budgets = {
          agentDay: { creditedCents: agentToday, limitCents: config.agentDailyCreditLimitCents },
          customerMonth: { creditedCents: customerThisMonth, limitCents: config.customerMonthlyCreditLimitCents },
        };
      }
      const { decision, reason } = decideAdjustment({
        amountCents: input.amountCents,
        unapprovedAppliedCents,
        limitCents: config.agentCreditLimitCents,
        role: actor.role,
        ...budgets,
      });
      const created = await tx.billAdjustment.create({
        data: {
          billId: bill.id,
          amountCents: input.amountCents,
          reason: input.reason,
          status: "PENDING_APPROVAL",
          requestedById: actor.id,
          idempotencyKey: input.idempotencyKey,
          requestId: input.requestId ?? null,
          createdAt: now,
        },
      });

      if (decision === "APPLY") {
        // A supervisor's own adjustment is their decision: it does not count against agents' limit.
        const decidedById = actor.role === "ADMIN" ? actor.id : null;
        const applied = await applyAdjustment(tx, created.id, {
          now,
          decidedById,
          decisionReason: decidedById ? reason : null,
        });
        await writeAudit(tx, actor, {
          action: "bill.adjust",
          idempotencyKey: `bill.adjust:${input.idempotencyKey}`,
          entityType: "Bill",
          entityId: bill.id,
          before: applied.before,
          after: {
            ...applied.after,
            adjustmentId: created.id,
            amountCents: input.amountCents,
            reason: input.reason,
            decision: reason,
          },
        });
      } else {
        await writeAudit(tx, actor, {
          action: "bill.adjust.requestApproval",
          idempotencyKey: `bill.adjust:${input.idempotencyKey}`,
          entityType: "BillAdjustment",
          entityId: created.id,
          before: snapshotOf(locked, locked.customer.balanceCents),
          after: {
            status: "PENDING_APPROVAL",
            billId: bill.id,
            amountCents: input.amountCents,
            reason: input.reason,
            decision: reason,
          },
        });
      }
      await recordInteraction(tx, {
        customerId: bill.customerId,
        channel: "PHONE",
        type: decision === "APPLY" ? "BILL_ADJUSTED" : "BILL_ADJUSTMENT_REQUESTED",
        actorId: actor.id,
        requestId: input.requestId ?? null,
        data: { billId: bill.id, billNumber: locked.number, amountCents: input.amountCents, reason: input.reason },
        at: now,
      });
      return tx.billAdjustment.findUniqueOrThrow({ where: { id: created.id } });
    });
    return { ...adjustment, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent request with the same key won; its adjustment is the answer.
    const existing = await replayOf(db, actor.id, input);
    if (!existing) throw error;
    return { ...existing, replayed: true };
  }
}
