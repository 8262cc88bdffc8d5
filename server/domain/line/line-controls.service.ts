import "server-only";
import type { Channel, ProvisioningKind } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { consumeCode, requestCode } from "../identity/one-time-code.service";
import { recordInteraction } from "../interaction/record-interaction.service";
import { issueCommand } from "../provisioning/provisioning.service";
import { lockCustomerLine } from "./line-lock.service";
import type { BlockLineInput, SuspendLineInput, UnblockLineInput } from "./line.schema";
import { previewSuspension, readSuspensionSettings, startOfUtcYear } from "./suspension-rules";

export type LineActor = { customerId: string; userId: string; channel: Channel; ip: string; locale: string };

const inProgress = () => new AppError("CONFLICT", "A change to this line is in progress");

/** The caller's own line, locked for the rest of the transaction so two controls of one line run one after the other. */
async function lockOwnLine(tx: Transaction, customerId: string, lineId: string) {
  const line = await tx.line.findFirst({
    where: { id: lineId, customerId, status: { not: "TERMINATED" } },
    select: { id: true, status: true, msisdn: true },
  });
  if (!line) throw notFound("Line");
  await lockCustomerLine(tx, { lineId, customerId });
  const pending = await tx.provisioningCommand.findMany({
    where: { lineId, status: { not: "DONE" } },
    select: { kind: true },
  });
  const current = await tx.line.findUniqueOrThrow({ where: { id: lineId }, select: { status: true } });
  return { ...line, status: current.status, pendingKinds: pending.map((command) => command.kind) };
}

type LockedLine = Awaited<ReturnType<typeof lockOwnLine>>;

/** Issues a command for an action with an idempotency key: a replay or a race answers the first command. */
async function issueOnce(
  db: Database,
  actor: LineActor,
  input: { lineId: string; sourceKey: string },
  work: (
    tx: Transaction,
    line: LockedLine,
  ) => Promise<{ kind: ProvisioningKind; payload: Record<string, string | number> } | null>,
  interaction: string,
) {
  const existing = () =>
    db.provisioningCommand.findFirst({
      where: { lineId: input.lineId, sourceKey: input.sourceKey, line: { customerId: actor.customerId } },
      select: { id: true, kind: true, status: true, createdAt: true },
    });
  const replay = await existing();
  if (replay) return replay;
  try {
    return await db.$transaction(async (tx) => {
      const line = await lockOwnLine(tx, actor.customerId, input.lineId);
      // A request with the same key that held the lock before this one has issued the command.
      const earlier = await tx.provisioningCommand.findUnique({
        where: { lineId_sourceKey: { lineId: input.lineId, sourceKey: input.sourceKey } },
        select: { id: true, kind: true, status: true, createdAt: true },
      });
      if (earlier) return earlier;
      const planned = await work(tx, line);
      if (!planned) throw inProgress();
      const command = await issueCommand(tx, { lineId: input.lineId, sourceKey: input.sourceKey, ...planned });
      await recordInteraction(tx, {
        customerId: actor.customerId,
        channel: actor.channel,
        type: interaction,
        actorId: actor.userId,
        data: { lineId: input.lineId, commandId: command.id, ...planned.payload },
      });
      return { id: command.id, kind: command.kind, status: command.status, createdAt: command.createdAt };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing();
    if (!raced) throw error;
    return raced;
  }
}

/** `line.block`: lost or stolen, barred at once (the command is sent right away; the line is BLOCKED once the network confirms). */
export async function blockLine(db: Database, actor: LineActor, input: BlockLineInput) {
  return issueOnce(
    db,
    actor,
    { lineId: input.lineId, sourceKey: `block:${input.idempotencyKey}` },
    async (_tx, line) => {
      if (line.status === "BLOCKED" || line.pendingKinds.includes("BLOCK")) {
        throw new AppError("CONFLICT", "The line is already blocked");
      }
      return { kind: "BLOCK", payload: { reason: input.reason } };
    },
    "LINE_BLOCKED",
  );
}

/**
 * `line.unblock`: needs a code the thief cannot give, sent by SMS to the account's phone. Without a
 * code it sends one (`{codeSent: true, retryAfterSeconds}`); with the right code it issues UNBLOCK.
 */
export async function unblockLine(db: Database, actor: LineActor, input: UnblockLineInput) {
  const line = await db.line.findFirst({
    where: { id: input.lineId, customerId: actor.customerId, status: { not: "TERMINATED" } },
    select: { id: true, status: true },
  });
  if (!line) throw notFound("Line");
  if (line.status !== "BLOCKED") throw new AppError("CONFLICT", "The line is not blocked");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { phone: true } });
  if (!input.code) {
    if (!user.phone) throw new AppError("PRECONDITION_FAILED", "The account has no phone to send a code to");
    const sent = await requestCode(db, {
      phone: user.phone,
      purpose: "UNBLOCK_LINE",
      ip: actor.ip,
      locale: actor.locale,
      channel: actor.channel,
    });
    return { codeSent: true as const, retryAfterSeconds: sent.retryAfterSeconds, command: null };
  }
  const check = await consumeCode(db, { userId: actor.userId, purposes: ["UNBLOCK_LINE"], code: input.code });
  if (check !== "OK") throw badRequest("code", "The code is wrong or has expired");
  // The code is used once, so each right code is one unblock.
  const command = await issueUnblock(db, actor, {
    lineId: input.lineId,
    sourceKey: `unblock:${Date.now()}:${actor.userId}`,
  });
  return { codeSent: false as const, retryAfterSeconds: 0, command };
}

/** UNBLOCK once the caller is known to be the owner: by the SMS code above, or by an agent who checked. */
export async function issueUnblock(db: Database, actor: LineActor, input: { lineId: string; sourceKey: string }) {
  return issueOnce(
    db,
    actor,
    input,
    async (_tx, locked) => {
      if (locked.status !== "BLOCKED") throw new AppError("CONFLICT", "The line is not blocked");
      if (locked.pendingKinds.includes("UNBLOCK")) return null;
      return { kind: "UNBLOCK", payload: {} };
    },
    "LINE_UNBLOCKED",
  );
}

async function usedSuspensionDays(db: Pick<Database, "provisioningCommand">, lineId: string, now: Date) {
  const commands = await db.provisioningCommand.findMany({
    where: { lineId, kind: "SUSPEND", status: { not: "NEEDS_AGENT" }, createdAt: { gte: startOfUtcYear(now) } },
    select: { payload: true },
  });
  return commands.reduce((sum, command) => sum + (Number((command.payload as { days?: number }).days) || 0), 0);
}

/** `line.suspendPreview`: what a suspension until that day costs and how many days of the year's limit remain. */
export async function previewLineSuspension(
  db: Database,
  customerId: string,
  input: { lineId: string; until: string },
  now = new Date(),
) {
  const line = await db.line.findFirst({
    where: { id: input.lineId, customerId, status: { not: "TERMINATED" } },
    select: { id: true },
  });
  if (!line) throw notFound("Line");
  const settings = readSuspensionSettings();
  const preview = previewSuspension(
    { now, until: new Date(`${input.until}T00:00:00Z`), usedDays: await usedSuspensionDays(db, line.id, now) },
    settings,
  );
  return { ...preview, until: input.until, daysPerYear: settings.daysPerYear, feePerDayCents: settings.feePerDayCents };
}

/** `line.suspend`: a voluntary suspension up to the yearly limit; the line is SUSPENDED once the network confirms. */
export async function suspendLine(db: Database, actor: LineActor, input: SuspendLineInput, now = new Date()) {
  return issueOnce(
    db,
    actor,
    { lineId: input.lineId, sourceKey: `suspend:${input.idempotencyKey}` },
    async (tx, line) => {
      if (line.status !== "ACTIVE") throw new AppError("CONFLICT", "Only an active line can be suspended");
      if (line.pendingKinds.length > 0) return null;
      const preview = previewSuspension(
        { now, until: new Date(`${input.until}T00:00:00Z`), usedDays: await usedSuspensionDays(tx, line.id, now) },
        readSuspensionSettings(),
      );
      if (preview.reason === "UNTIL_NOT_AFTER_TODAY") throw badRequest("until", "Pick a day after today");
      if (preview.reason === "OVER_YEARLY_LIMIT") {
        throw badRequest("until", `At most ${preview.daysLeft} days of suspension are left this year`);
      }
      return {
        kind: "SUSPEND",
        payload: { until: `${input.until}T00:00:00.000Z`, days: preview.days, feeCents: preview.feeCents },
      };
    },
    "LINE_SUSPENDED",
  );
}

/** `line.resume`: ends a voluntary suspension early. */
export async function resumeLine(db: Database, actor: LineActor, input: { lineId: string; idempotencyKey?: string }) {
  return issueOnce(
    db,
    actor,
    { lineId: input.lineId, sourceKey: `resume:${input.idempotencyKey ?? `${Date.now()}:${actor.userId}`}` },
    async (_tx, line) => {
      if (line.status !== "SUSPENDED") throw new AppError("CONFLICT", "The line is not suspended");
      if (line.pendingKinds.length > 0) return null;
      return { kind: "RESUME", payload: {} };
    },
    "LINE_RESUMED",
  );
}

/**
 * The `line:resume-due` job: a voluntary suspension ends on its own on the chosen day. Each due
 * line gets one RESUME (keyed by the suspension's end, so a rerun issues nothing more).
 */
export async function resumeDueSuspensions(db: Database, now = new Date()): Promise<number> {
  const due = await db.line.findMany({
    where: { status: "SUSPENDED", suspendedUntil: { lte: now } },
    select: { id: true, suspendedUntil: true },
    take: 500,
  });
  let issued = 0;
  for (const line of due) {
    // Not an interaction: nobody contacted us, the chosen period ended.
    const sourceKey = `auto-resume:${line.suspendedUntil!.toISOString()}`;
    const existing = await db.provisioningCommand.findUnique({
      where: { lineId_sourceKey: { lineId: line.id, sourceKey } },
      select: { id: true },
    });
    if (existing) continue;
    try {
      await db.$transaction((tx) => issueCommand(tx, { lineId: line.id, kind: "RESUME", sourceKey }));
      issued++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return issued;
}
