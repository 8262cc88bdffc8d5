import "server-only";
import type { Channel, TariffChange } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { enqueueJob } from "../job-queue/enqueue.service";
import { taxOn } from "../billing/bill-math";
import { getBillingSettings } from "../billing/settings.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { notifyCustomer } from "../notification/notify.service";
import { issueCommand } from "../provisioning/provisioning.service";
import { prorateChange, type Effective } from "./proration";
import { checkEligibility, type IneligibilityReason } from "./tariff-eligibility";
import { tariffNameIn } from "./tariff-name";
import { lockCustomerLine } from "../line/line-lock.service";
import { OPEN_CHANGE_STATUSES, tariffBrief } from "./tariff-change-status";

type Tx = Transaction;
type Reader = Database | Tx;

export type TariffChangeView = TariffChange & {
  fromTariff: { id: string; code: string; name: string; nameEn: string; monthlyFeeCents: number };
  toTariff: { id: string; code: string; name: string; nameEn: string; monthlyFeeCents: number };
};

/** The line with what eligibility needs, scoped to its customer: a foreign line is NOT_FOUND. */
async function getLineOrThrow(db: Reader, { lineId, customerId }: { lineId: string; customerId: string }) {
  const line = await db.line.findFirst({
    where: { id: lineId, customerId },
    include: { tariff: true, customer: { select: { status: true, segment: true, billingDay: true } } },
  });
  if (!line) throw notFound("Line");
  return line;
}

async function getTariffOrThrow(db: Reader, tariffId: string) {
  const tariff = await db.tariff.findUnique({ where: { id: tariffId } });
  if (!tariff) throw notFound("Tariff");
  return tariff;
}

async function assess(
  db: Reader,
  input: { customerId: string; lineId: string; tariffId: string; effective: Effective; now: Date },
) {
  const line = await getLineOrThrow(db, input);
  const target = await getTariffOrThrow(db, input.tariffId);
  const pending = await db.tariffChange.findFirst({
    where: { lineId: line.id, status: { in: OPEN_CHANGE_STATUSES } },
    include: { toTariff: tariffBrief },
  });
  const proration = prorateChange({
    fromFeeCents: line.tariff.monthlyFeeCents,
    toFeeCents: target.monthlyFeeCents,
    effective: input.effective,
    billingDay: line.customer.billingDay,
    at: input.now,
  });
  const eligibility = checkEligibility({
    customer: line.customer,
    line,
    currentTariff: line.tariff,
    target,
    hasPendingChange: pending !== null,
    effectiveAt: proration.effectiveAt,
  });
  return { line, target, pending, proration, eligibility };
}

/**
 * What a tariff change would cost before anyone commits to it: eligibility with reasons, the
 * proration credit and charge (IMMEDIATE) or none (NEXT_CYCLE), and when it takes effect. Used by
 * subscribers and by agents acting on their behalf, so it assumes nothing about the caller.
 */
export async function previewTariffChange(
  db: Database,
  input: { customerId: string; lineId: string; tariffId: string; effective: Effective; now?: Date },
) {
  const now = input.now ?? new Date();
  const { line, target, pending, proration, eligibility } = await assess(db, { ...input, now });
  const settings = await getBillingSettings(db);
  const netCents = proration.chargeCents - proration.creditCents;
  return {
    eligible: eligibility.eligible,
    reasons: eligibility.reasons,
    minTermEndsAt: eligibility.minTermEndsAt,
    effective: input.effective,
    effectiveAt: proration.effectiveAt,
    prorationCreditCents: proration.creditCents,
    prorationChargeCents: proration.chargeCents,
    /** Charge minus credit, before tax; negative is money back on the next bill. */
    netCents,
    netWithTaxCents: netCents + taxOn(netCents, settings.taxRateBps),
    taxRateBps: settings.taxRateBps,
    cycleStart: proration.cycleStart,
    cycleEnd: proration.cycleEnd,
    cycleDays: proration.cycleDays,
    daysRemaining: proration.daysRemaining,
    monthlyDifferenceCents: target.monthlyFeeCents - line.tariff.monthlyFeeCents,
    line: { id: line.id, msisdn: line.msisdn, kind: line.kind },
    fromTariff: {
      id: line.tariff.id,
      code: line.tariff.code,
      name: line.tariff.name,
      nameEn: line.tariff.nameEn,
      monthlyFeeCents: line.tariff.monthlyFeeCents,
    },
    toTariff: {
      id: target.id,
      code: target.code,
      name: target.name,
      nameEn: target.nameEn,
      monthlyFeeCents: target.monthlyFeeCents,
      minTermMonths: target.minTermMonths,
    },
    pendingChange: pending
      ? { id: pending.id, status: pending.status, effectiveAt: pending.effectiveAt, toTariff: pending.toTariff }
      : null,
  };
}

function ineligibleError(reasons: IneligibilityReason[]): AppError {
  if (reasons.length === 1 && reasons[0] === "PENDING_CHANGE") {
    return new AppError("CONFLICT", "This line already has a scheduled tariff change");
  }
  const message = `Tariff change not allowed: ${reasons.join(", ")}`;
  return new AppError("BAD_REQUEST", message, { tariffId: message });
}

async function findByKey(db: Reader, actorId: string, idempotencyKey: string): Promise<TariffChangeView | null> {
  return db.tariffChange.findUnique({
    where: { requestedById_idempotencyKey: { requestedById: actorId, idempotencyKey } },
    include: { fromTariff: tariffBrief, toTariff: tariffBrief },
  });
}

function replayOf(existing: TariffChangeView, customerId: string): TariffChangeView {
  // A key belongs to its actor; reusing it for another customer's line must not reveal that change.
  if (existing.customerId !== customerId)
    throw new AppError("CONFLICT", "This idempotency key was already used for another request");
  return existing;
}

/**
 * Changes a line's tariff, scoped to `customerId` (a foreign line is NOT_FOUND). IMMEDIATE goes to
 * the network at once (PROVISIONING) with its proration stored for the next bill; NEXT_CYCLE stays
 * PENDING until the cycle start, when a queued job sends it. Either way the line takes the new
 * tariff only when the network confirms the TARIFF_CHANGE command (`applyConfirmedTariffChange`). The same idempotency key returns the same change; concurrent
 * submits are serialised on the line row, and the partial unique index allows one pending change
 * per line, so the losers get CONFLICT.
 */
export async function changeTariff(
  db: Database,
  input: {
    customerId: string;
    lineId: string;
    tariffId: string;
    effective: Effective;
    idempotencyKey: string;
    actorId: string;
    channel: Channel;
    now?: Date;
  },
): Promise<TariffChangeView> {
  const existing = await findByKey(db, input.actorId, input.idempotencyKey);
  if (existing) return replayOf(existing, input.customerId);

  const now = input.now ?? new Date();
  const before = await assess(db, { ...input, now });
  if (!before.eligibility.eligible) throw ineligibleError(before.eligibility.reasons);

  try {
    return await db.$transaction(async (tx) => {
      await lockCustomerLine(tx, input);
      const replay = await findByKey(tx, input.actorId, input.idempotencyKey);
      if (replay) return replayOf(replay, input.customerId);
      const { line, target, proration, eligibility } = await assess(tx, { ...input, now });
      if (!eligibility.eligible)
        throw new AppError("CONFLICT", "The line changed while the request was in flight; look at the preview again");

      const isImmediate = input.effective === "IMMEDIATE";
      const change = await tx.tariffChange.create({
        data: {
          lineId: line.id,
          customerId: input.customerId,
          fromTariffId: line.tariffId,
          toTariffId: target.id,
          effective: input.effective,
          effectiveAt: proration.effectiveAt,
          status: isImmediate ? "PROVISIONING" : "PENDING",
          prorationCreditCents: proration.creditCents,
          prorationChargeCents: proration.chargeCents,
          requestedById: input.actorId,
          idempotencyKey: input.idempotencyKey,
          channel: input.channel,
          createdAt: now,
        },
        include: { fromTariff: tariffBrief, toTariff: tariffBrief },
      });
      if (isImmediate) {
        await tellNetwork(tx, { lineId: line.id, changeId: change.id, tariffId: target.id });
      } else {
        await enqueueJob(
          tx,
          "tariff:apply-change",
          { changeId: change.id },
          { runAt: change.effectiveAt, jobKey: `tariff-change:${change.id}` },
        );
      }
      await recordInteraction(tx, {
        customerId: input.customerId,
        channel: input.channel,
        type: "TARIFF_CHANGE",
        actorId: input.actorId,
        data: {
          lineId: line.id,
          changeId: change.id,
          fromTariff: line.tariff.code,
          toTariff: target.code,
          effective: input.effective,
        },
        at: now,
      });
      await notifyCustomer(tx, input.customerId, (locale) => {
        const t = translatorFor(locale, "notifications");
        return {
          kind: "TARIFF_CHANGE",
          title: t("tariffChangeTitle", { tariff: tariffNameIn(target, locale), effective: input.effective }),
          body: isImmediate
            ? t("tariffChangeImmediateBody")
            : t("tariffChangeScheduledBody", { day: change.effectiveAt.toISOString().slice(0, 10) }),
          url: "/tariffs",
        };
      });
      return change;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByKey(db, input.actorId, input.idempotencyKey);
    if (winner) return replayOf(winner, input.customerId);
    throw new AppError("CONFLICT", "This line already has a scheduled tariff change");
  }
}

/** The network is asked to switch the line through a TARIFF_CHANGE provisioning command, once per change. */
function tellNetwork(tx: Tx, change: { lineId: string; changeId: string; tariffId: string }) {
  return issueCommand(tx, {
    lineId: change.lineId,
    kind: "TARIFF_CHANGE",
    payload: { changeId: change.changeId, tariffId: change.tariffId },
    sourceKey: `tariff-change:${change.changeId}`,
  });
}

/** Cancels a scheduled (PENDING) change of the customer's line; cancelling twice answers the same. */
export async function cancelTariffChange(
  db: Database,
  input: { customerId: string; changeId: string; actorId: string; channel: Channel; now?: Date },
): Promise<TariffChangeView> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await tx.$kysely
      .selectFrom("TariffChange")
      .select("status")
      .where("id", "=", input.changeId)
      .where("customerId", "=", input.customerId)
      .forUpdate()
      .executeTakeFirst();
    const status = locked?.status;
    if (!status) throw notFound("Tariff change");
    if (status === "APPLIED") throw badRequest("changeId", "This change has already been applied");
    if (status === "PROVISIONING") throw badRequest("changeId", "The network is already applying this change");
    if (status === "PENDING") {
      await tx.tariffChange.update({ where: { id: input.changeId }, data: { status: "CANCELLED", cancelledAt: now } });
      await recordInteraction(tx, {
        customerId: input.customerId,
        channel: input.channel,
        type: "TARIFF_CHANGE_CANCELLED",
        actorId: input.actorId,
        data: { changeId: input.changeId },
        at: now,
      });
    }
    return tx.tariffChange.findUniqueOrThrow({
      where: { id: input.changeId },
      include: { fromTariff: tariffBrief, toTariff: tariffBrief },
    });
  });
}

/** The customer's tariff changes, newest first; a line of theirs narrows it (another's line is NOT_FOUND). */
export async function listTariffChanges(db: Database, input: { customerId: string; lineId?: string }) {
  if (input.lineId) await getLineOrThrow(db, { lineId: input.lineId, customerId: input.customerId });
  return db.tariffChange.findMany({
    where: { customerId: input.customerId, ...(input.lineId ? { lineId: input.lineId } : {}) },
    include: { fromTariff: tariffBrief, toTariff: tariffBrief },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/**
 * Sends a scheduled change to the network once its time has come (the queued job, and the daily
 * sweep as a safety net): from then on it can no longer be cancelled. A change cancelled in the
 * meantime, or already sent, is left alone.
 */
export async function applyScheduledChange(db: Database, changeId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const change = await tx.$kysely
      .selectFrom("TariffChange")
      .select(["lineId", "toTariffId", "effectiveAt", "customerId"])
      .where("id", "=", changeId)
      .where("status", "=", "PENDING")
      .where("effectiveAt", "<=", now)
      .forUpdate()
      .executeTakeFirst();
    if (!change) return false;
    await tx.tariffChange.update({ where: { id: changeId }, data: { status: "PROVISIONING" } });
    await tellNetwork(tx, { lineId: change.lineId, changeId, tariffId: change.toTariffId });
    return true;
  });
}

/** Every scheduled change due by `now`; returns how many were sent to the network. */
export async function applyDueTariffChanges(db: Database, now = new Date()): Promise<number> {
  const due = await db.tariffChange.findMany({
    where: { status: "PENDING", effectiveAt: { lte: now } },
    select: { id: true },
    orderBy: { effectiveAt: "asc" },
  });
  let applied = 0;
  for (const change of due) if (await applyScheduledChange(db, change.id, now)) applied++;
  return applied;
}
