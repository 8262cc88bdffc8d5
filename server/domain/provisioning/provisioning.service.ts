import "server-only";
import type { Prisma, ProvisioningKind } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { log } from "../../log";
import { enqueueJob } from "../job-queue/enqueue.service";
import { notify } from "../notification/notify.service";
import { activateReplacementSim } from "../sim/sim-activation.service";
import type { NetworkProvisioning } from "./network-provisioning";
import { lineStatusAfter, maxProvisioningAttempts, retryDelayMs } from "./provisioning-rules";
import { createSimulatedNetwork } from "./simulated-network.service";
import { applySpendCommandDone } from "../spend/spend-bar.service";
import { applyConfirmedTariffChange } from "../tariff/tariff-change-confirm.service";

/** The `alert` field of the log line of a command that failed every attempt (like JOB_FAILED_ALERT). */
export const PROVISIONING_NEEDS_AGENT_ALERT = "provisioning-needs-agent";

export type IssueCommandInput = {
  lineId: string;
  kind: ProvisioningKind;
  payload?: Prisma.InputJsonValue;
  /** What caused the command (an idempotency key, a change's id): one command per line and source. */
  sourceKey: string;
};

/**
 * Writes a provisioning command in the caller's transaction and queues its `provisioning:send` job
 * there too, so a change is never committed without the command that makes it real. Issuing the
 * same source again answers the command already issued.
 */
export async function issueCommand(tx: Transaction, input: IssueCommandInput) {
  const existing = await tx.provisioningCommand.findUnique({
    where: { lineId_sourceKey: { lineId: input.lineId, sourceKey: input.sourceKey } },
  });
  if (existing) return existing;
  const command = await tx.provisioningCommand.create({
    data: { lineId: input.lineId, kind: input.kind, payload: input.payload ?? {}, sourceKey: input.sourceKey },
  });
  await enqueueJob(tx, "provisioning:send", { commandId: command.id }, { jobKey: `provisioning:${command.id}` });
  return command;
}

/** The commands of these lines the network has not applied yet, oldest first. */
export async function listPendingCommands(db: Pick<Database, "provisioningCommand">, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return db.provisioningCommand.findMany({
    where: { lineId: { in: lineIds }, status: { not: "DONE" } },
    select: { id: true, lineId: true, kind: true, status: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

const LINE_CONTROL_KINDS: readonly ProvisioningKind[] = ["BLOCK", "UNBLOCK", "SUSPEND", "RESUME"];

export type SendOutcome = "DONE" | "RETRYING" | "NEEDS_AGENT" | "SKIPPED";

/**
 * The `provisioning:send` job: sends one command through the network port. On success the command
 * becomes DONE and its effect lands on the line in one transaction, and the subscriber is notified;
 * a failure is retried later with backoff (a new job run at `nextAttemptAt`); after the last attempt
 * the command is NEEDS_AGENT and an alert is logged. A command already DONE or NEEDS_AGENT is left
 * alone, so a repeated job changes nothing.
 */
export async function sendProvisioningCommand(
  db: Database,
  commandId: string,
  options: { network?: NetworkProvisioning; maxAttempts?: number; now?: () => Date } = {},
): Promise<SendOutcome> {
  const now = options.now ?? (() => new Date());
  const network = options.network ?? createSimulatedNetwork(db);
  const maxAttempts = options.maxAttempts ?? maxProvisioningAttempts();

  const claimed = await db.provisioningCommand.updateMany({
    where: { id: commandId, status: { in: ["PENDING", "FAILED", "SENT"] } },
    data: { status: "SENT", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "SKIPPED";
  const command = await db.provisioningCommand.findUniqueOrThrow({
    where: { id: commandId },
    include: { line: { select: { msisdn: true, customerId: true, status: true } } },
  });

  try {
    await network.apply({
      id: command.id,
      lineId: command.lineId,
      msisdn: command.line.msisdn,
      kind: command.kind,
      payload: command.payload,
    });
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    if (command.attempts >= maxAttempts) {
      await db.provisioningCommand.updateMany({
        where: { id: commandId, status: "SENT" },
        data: { status: "NEEDS_AGENT", lastError, nextAttemptAt: null },
      });
      log.error(
        { alert: PROVISIONING_NEEDS_AGENT_ALERT, commandId, kind: command.kind, attempts: command.attempts },
        `provisioning ${command.kind} failed for good after ${command.attempts} attempts: an agent must act`,
      );
      return "NEEDS_AGENT";
    }
    const nextAttemptAt = new Date(now().getTime() + retryDelayMs(command.attempts));
    await db.$transaction(async (tx) => {
      await tx.provisioningCommand.updateMany({
        where: { id: commandId, status: "SENT" },
        data: { status: "FAILED", lastError, nextAttemptAt },
      });
      await enqueueJob(
        tx,
        "provisioning:send",
        { commandId },
        { runAt: nextAttemptAt, jobKey: `provisioning:${commandId}:${command.attempts}` },
      );
    });
    log.warn({ commandId, kind: command.kind, attempt: command.attempts, err: error }, "provisioning retry scheduled");
    return "RETRYING";
  }

  return db.$transaction(async (tx) => {
    const done = await tx.provisioningCommand.updateMany({
      where: { id: commandId, status: "SENT" },
      data: { status: "DONE", doneAt: now(), lastError: null, nextAttemptAt: null },
    });
    if (done.count === 0) return "SKIPPED";
    const line = await tx.line.findUniqueOrThrow({ where: { id: command.lineId }, select: { status: true } });
    const status = lineStatusAfter(command.kind, line.status);
    if (status) {
      const until = (command.payload as { until?: string } | null)?.until;
      await tx.line.update({
        where: { id: command.lineId },
        data: {
          status,
          ...(command.kind === "SUSPEND" && until ? { suspendedUntil: new Date(until) } : {}),
          ...(command.kind === "RESUME" ? { suspendedUntil: null } : {}),
        },
      });
    }
    await activateReplacementSim(tx, command);
    await applySpendCommandDone(tx, command, now());
    await applyConfirmedTariffChange(tx, command, now());
    const login = await tx.user.findUnique({
      where: { customerId: command.line.customerId },
      select: { id: true, locale: true },
    });
    // The line controls tell the subscriber here; a tariff change told them in applyConfirmedTariffChange.
    if (login && LINE_CONTROL_KINDS.includes(command.kind)) {
      const t = translatorFor(login.locale, "notifications");
      await notify(tx, login.id, {
        kind: "LINE_STATUS",
        title: t("provisioningDoneTitle", { kind: command.kind }),
        body: t("provisioningDoneBody", { line: command.line.msisdn ?? command.lineId }),
        url: "/dashboard",
      });
    }
    return "DONE";
  });
}
