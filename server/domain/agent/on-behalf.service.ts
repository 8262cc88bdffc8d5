import "server-only";
import type { Database } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { adjustBill } from "../billing/adjustment.service";
import { badRequest, isUniqueViolation, notFound } from "../errors";
import { getActivePolicy } from "../routing/policy.service";
import { changeTariff, previewTariffChange } from "../tariff/tariff-change.service";
import { OPEN_CHANGE_STATUSES } from "../tariff/tariff-change-status";
import { listTariffs } from "../tariff/tariff.service";
import type { AgentActor } from "./agent-actor";
import type { AdjustBillInput, ChangeTariffInput } from "./agent.schema";

// Acting on the customer's behalf: the same rules and previews the subscriber gets, run for the
// customer who owns the line or bill, on channel PHONE, with an audit entry for every change.

async function lineOwnerOrThrow(db: Database, lineId: string) {
  const line = await db.line.findUnique({
    where: { id: lineId },
    select: {
      id: true,
      customerId: true,
      tariffId: true,
      tariffSince: true,
      tariffChanges: {
        where: { status: { in: OPEN_CHANGE_STATUSES } },
        select: { id: true, toTariffId: true, effectiveAt: true },
      },
    },
  });
  if (!line) throw notFound("Line");
  return line;
}

/** The tariffs for one of the customer's lines, judged exactly as the customer would see them. */
export async function listTariffOptions(db: Database, lineId: string) {
  const line = await lineOwnerOrThrow(db, lineId);
  return listTariffs(db, { viewer: { role: "SUBSCRIBER", customerId: line.customerId }, lineId });
}

/** The preview the subscriber sees before committing: eligibility, proration and the date. */
export async function previewTariffOnBehalf(
  db: Database,
  input: { lineId: string; tariffId: string; effective: "IMMEDIATE" | "NEXT_CYCLE" },
) {
  const line = await lineOwnerOrThrow(db, input.lineId);
  return previewTariffChange(db, { ...input, customerId: line.customerId });
}

/**
 * `agent.changeTariff`: the subscriber's tariff change made by an agent (channel PHONE), audited
 * with the line's tariff before and the change after. A replayed idempotency key returns the
 * same change and writes nothing more (the audit entry carries the key).
 */
export async function changeTariffOnBehalf(db: Database, actor: AgentActor, input: ChangeTariffInput) {
  const line = await lineOwnerOrThrow(db, input.lineId);
  if (input.requestId) {
    const request = await db.serviceRequest.findFirst({
      where: { id: input.requestId, customerId: line.customerId },
      select: { id: true },
    });
    if (!request) throw badRequest("requestId", "The request is not this customer's");
  }
  const change = await changeTariff(db, {
    customerId: line.customerId,
    lineId: input.lineId,
    tariffId: input.tariffId,
    effective: input.effective,
    idempotencyKey: input.idempotencyKey,
    actorId: actor.id,
    channel: "PHONE",
  });
  try {
    await writeAudit(db, actor, {
      action: "tariff.change",
      entityType: "Line",
      entityId: line.id,
      // The change's key: a replay (or its concurrent twin) finds this entry and adds none.
      idempotencyKey: `tariff.change:${input.idempotencyKey}`,
      before: {
        tariffId: change.fromTariffId,
        tariffSince: line.tariffSince.toISOString(),
        pendingChange: line.tariffChanges[0]
          ? { id: line.tariffChanges[0].id, toTariffId: line.tariffChanges[0].toTariffId }
          : null,
      },
      after: {
        changeId: change.id,
        status: change.status,
        effective: change.effective,
        effectiveAt: change.effectiveAt.toISOString(),
        fromTariffId: change.fromTariffId,
        toTariffId: change.toTariffId,
        prorationCreditCents: change.prorationCreditCents,
        prorationChargeCents: change.prorationChargeCents,
        requestId: input.requestId ?? null,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return change;
}

/**
 * What an agent may adjust without a supervisor: per bill, and for credits per agent a day and
 * per customer a month (supervisors have no limit: all null).
 */
export async function getAdjustmentLimit(db: Database, actor: Pick<AgentActor, "role">) {
  const { config } = await getActivePolicy(db);
  const isSupervisor = actor.role === "ADMIN";
  return {
    limitCents: isSupervisor ? null : config.agentCreditLimitCents,
    dailyCreditLimitCents: isSupervisor ? null : config.agentDailyCreditLimitCents,
    customerMonthlyCreditLimitCents: isSupervisor ? null : config.customerMonthlyCreditLimitCents,
  };
}

/** `agent.adjustBill`: see `adjustBill` (limit from the routing policy, approval above it). */
export async function adjustBillOnBehalf(db: Database, actor: AgentActor, input: AdjustBillInput) {
  return adjustBill(db, actor, input);
}
