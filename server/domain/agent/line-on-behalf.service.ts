import "server-only";
import type { Database } from "../../db/client";
import { enqueueJob } from "../job-queue/enqueue.service";
import { buyAddon, listAddons } from "../addon/addon.service";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { blockLine, issueUnblock, resumeLine, suspendLine, type LineActor } from "../line/line-controls.service";
import type { AgentLineActionInput } from "../line/line.schema";
import type { AgentActor } from "./agent-actor";

// The everyday line controls (issue 16) done by an agent for the caller, from the customer 360:
// the subscriber's own rules, run for the line's owner on channel PHONE (so the reports count a
// contact handled by a person), with an audit entry for each change.

async function lineOwnerOrThrow(db: Database, lineId: string) {
  const line = await db.line.findUnique({
    where: { id: lineId },
    select: { id: true, customerId: true, status: true, suspendedUntil: true },
  });
  if (!line || line.status === "TERMINATED") throw notFound("Line");
  return line;
}

function lineActorFor(actor: AgentActor, customerId: string): LineActor {
  return { customerId, userId: actor.id, channel: "PHONE", ip: actor.ip, locale: "ru" };
}

async function auditOnce(db: Database, actor: AgentActor, entry: Parameters<typeof writeAudit>[2]) {
  try {
    await writeAudit(db, actor, entry);
  } catch (error) {
    // A replayed key (or its concurrent twin) already wrote this entry.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * `agent.lineAction`: block, unblock, suspend or resume a customer's line. An agent unblocks
 * without the SMS code: they have checked who is calling. The same idempotency key answers the
 * same command and writes nothing more.
 */
export async function controlLineOnBehalf(db: Database, actor: AgentActor, input: AgentLineActionInput) {
  const line = await lineOwnerOrThrow(db, input.lineId);
  const onBehalf = lineActorFor(actor, line.customerId);
  const command = await (async () => {
    switch (input.action) {
      case "BLOCK":
        return blockLine(db, onBehalf, input);
      case "UNBLOCK":
        return issueUnblock(db, onBehalf, { lineId: line.id, sourceKey: `unblock:${input.idempotencyKey}` });
      case "SUSPEND":
        return suspendLine(db, onBehalf, input);
      case "RESUME":
        return resumeLine(db, onBehalf, input);
    }
  })();
  await auditOnce(db, actor, {
    action: `line.${input.action.toLowerCase()}`,
    entityType: "Line",
    entityId: line.id,
    idempotencyKey: `line.${input.action.toLowerCase()}:${input.idempotencyKey}`,
    before: { status: line.status, suspendedUntil: line.suspendedUntil?.toISOString() ?? null },
    after: {
      commandId: command.id,
      kind: command.kind,
      commandStatus: command.status,
      ...("reason" in input ? { reason: input.reason } : {}),
      ...("until" in input ? { until: input.until } : {}),
    },
  });
  return command;
}

/** `agent.addonOptions`: the add-ons on sale for the customer's line, each eligible or not with the reasons. */
export async function listAddonsOnBehalf(db: Database, lineId: string) {
  const line = await lineOwnerOrThrow(db, lineId);
  return listAddons(db, { lineId: line.id, customerId: line.customerId });
}

/** `agent.buyAddon`: the subscriber's purchase made by an agent, charged on the customer's next bill. */
export async function buyAddonOnBehalf(
  db: Database,
  actor: AgentActor,
  input: { lineId: string; addonId: string; idempotencyKey: string },
) {
  const line = await lineOwnerOrThrow(db, input.lineId);
  const purchase = await buyAddon(db, {
    customerId: line.customerId,
    lineId: line.id,
    addonId: input.addonId,
    idempotencyKey: input.idempotencyKey,
    actorId: actor.id,
    channel: "PHONE",
  });
  await auditOnce(db, actor, {
    action: "addon.buy",
    entityType: "Line",
    entityId: line.id,
    idempotencyKey: `addon.buy:${input.idempotencyKey}`,
    before: { status: line.status },
    after: { purchaseId: purchase.id, addonId: purchase.addonId, priceCents: purchase.priceCents },
  });
  return purchase;
}

/** Commands the network kept refusing (NEEDS_AGENT), oldest first, with the line and customer to call. */
export async function listStuckCommands(db: Database) {
  const commands = await db.provisioningCommand.findMany({
    where: { status: "NEEDS_AGENT" },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      kind: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      line: {
        select: {
          id: true,
          msisdn: true,
          address: true,
          customer: { select: { id: true, firstName: true, lastName: true, accountNumber: true } },
        },
      },
    },
  });
  return {
    items: commands.map((command) => ({
      id: command.id,
      kind: command.kind,
      attempts: command.attempts,
      lastError: command.lastError,
      createdAt: command.createdAt,
      lineId: command.line.id,
      msisdn: command.line.msisdn,
      address: command.line.address,
      customer: {
        id: command.line.customer.id,
        name: `${command.line.customer.firstName} ${command.line.customer.lastName}`,
        accountNumber: command.line.customer.accountNumber,
      },
    })),
  };
}

/**
 * `agent.retryProvisioning`: sends a NEEDS_AGENT command again with fresh attempts (after the
 * agent fixed what the network refused). A command no longer waiting for an agent is answered
 * as it is, so a double click sends it once.
 */
export async function retryStuckCommand(db: Database, actor: AgentActor, input: { commandId: string }) {
  return db.$transaction(async (tx) => {
    const command = await tx.provisioningCommand.findUnique({
      where: { id: input.commandId },
      select: { id: true, kind: true, status: true, attempts: true, lineId: true, lastError: true },
    });
    if (!command) throw notFound("Provisioning command");
    if (command.status !== "NEEDS_AGENT") {
      if (command.status === "DONE") throw new AppError("CONFLICT", "The network has already applied this command");
      return { id: command.id, kind: command.kind, status: command.status };
    }
    const retried = await tx.provisioningCommand.updateMany({
      where: { id: command.id, status: "NEEDS_AGENT" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: null },
    });
    if (retried.count === 1) {
      await enqueueJob(
        tx,
        "provisioning:send",
        { commandId: command.id },
        { jobKey: `provisioning:${command.id}:agent-retry:${Date.now()}` },
      );
      await writeAudit(tx, actor, {
        action: "provisioning.retry",
        entityType: "ProvisioningCommand",
        entityId: command.id,
        before: { status: command.status, attempts: command.attempts, lastError: command.lastError },
        after: { status: "PENDING", attempts: 0 },
      });
    }
    return { id: command.id, kind: command.kind, status: "PENDING" as const };
  });
}
