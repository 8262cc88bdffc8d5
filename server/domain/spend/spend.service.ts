import "server-only";
import type { Channel, ProvisioningKind } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { currentCycle } from "../billing/cycle";
import { AppError, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { enqueueJob } from "../job-queue/enqueue.service";
import { lockCustomerLine } from "../line/line-lock.service";
import { notify } from "../notification/notify.service";
import { issueCommand } from "../provisioning/provisioning.service";
import { queueSms } from "../sms/sms.service";
import { checkPurchaseAgainstCap, decideSpend, spendLeftCents, type SpendThreshold } from "./spend-rules";
import type { SetSpendLimitInput } from "./spend.schema";
import { overageSoFarCents } from "./spend-usage";

type Reader = Database | Transaction;
type Cycle = { start: Date; end: Date };

export type SpendActor = { customerId: string; userId: string; channel: Channel };

/** A text to send by SMS once the transaction that decided it has committed (queueSms runs its own). */
type PendingSms = { to: string; text: string };

const SPEND_KINDS: ProvisioningKind[] = ["SPEND_BAR", "SPEND_UNBAR"];

/** Add-on purchases made in the cycle (charged on the next bill) plus the usage overage so far. */
async function spentInCycleCents(db: Reader, lineId: string, cycle: Cycle): Promise<number> {
  const addons = await db.lineAddon.aggregate({
    where: { lineId, createdAt: { gte: cycle.start, lt: cycle.end } },
    _sum: { priceCents: true },
  });
  return (addons._sum.priceCents ?? 0) + (await overageSoFarCents(db, lineId, cycle));
}

async function readLineSpend(db: Reader, lineId: string, now: Date) {
  const line = await db.line.findUniqueOrThrow({
    where: { id: lineId },
    select: {
      id: true,
      msisdn: true,
      customerId: true,
      spendLimitCents: true,
      spendBarredAt: true,
      customer: { select: { billingDay: true, phone: true, currency: true } },
    },
  });
  const cycle = currentCycle(line.customer.billingDay, now);
  const spentCents =
    line.spendLimitCents === null && line.spendBarredAt === null ? 0 : await spentInCycleCents(db, lineId, cycle);
  return { line, cycle, spentCents };
}

/** The line's latest bar or unbar: what the network was last told about chargeable extras. */
async function latestSpendCommand(db: Reader, lineId: string) {
  return db.provisioningCommand.findFirst({
    where: { lineId, kind: { in: SPEND_KINDS } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, status: true },
  });
}

/** One SPEND_BAR (or SPEND_UNBAR) per change of mind: the first of a cycle is `spend-bar:<line>:<cycle>`, later ones `:2`, `:3`. */
async function issueSpendCommand(tx: Transaction, lineId: string, kind: "SPEND_BAR" | "SPEND_UNBAR", cycle: Cycle) {
  const base = `${kind === "SPEND_BAR" ? "spend-bar" : "spend-unbar"}:${lineId}:${cycle.start.toISOString().slice(0, 10)}`;
  const earlier = await tx.provisioningCommand.count({ where: { lineId, kind, sourceKey: { startsWith: base } } });
  const sourceKey = earlier === 0 ? base : `${base}:${earlier + 1}`;
  return issueCommand(tx, { lineId, kind, sourceKey, payload: { cycleStart: cycle.start.toISOString() } });
}

function rubles(cents: number) {
  return cents / 100;
}

/**
 * Applies the spending-limit rule to a locked line in the caller's transaction: records and sends the
 * 80% / 100% alert once per cycle (in the app and by push here; the SMS is returned to be queued after
 * the commit), and bars or unbars chargeable extras through provisioning when that changes.
 */
async function evaluateLockedLine(tx: Transaction, lineId: string, now: Date): Promise<PendingSms[]> {
  const { line, cycle, spentCents } = await readLineSpend(tx, lineId, now);
  const sentRows = await tx.spendAlert.findMany({
    where: { lineId, cycleStart: cycle.start },
    select: { threshold: true },
  });
  const decision = decideSpend({
    limitCents: line.spendLimitCents,
    spentCents,
    sent: sentRows.map((row) => row.threshold),
  });
  if (decision.forget.length) {
    await tx.spendAlert.deleteMany({ where: { lineId, cycleStart: cycle.start, threshold: { in: decision.forget } } });
  }
  const sms: PendingSms[] = [];
  if (decision.record.length && line.spendLimitCents !== null) {
    const recorded = await tx.spendAlert.createMany({
      data: decision.record.map((threshold) => ({
        lineId,
        cycleStart: cycle.start,
        threshold,
        limitCents: line.spendLimitCents!,
        spentCents,
      })),
      skipDuplicates: true,
    });
    if (decision.send && recorded.count > 0) {
      sms.push(...(await sendAlert(tx, line, decision.send, { spentCents, limitCents: line.spendLimitCents })));
    }
  }
  const latest = await latestSpendCommand(tx, lineId);
  const isBarring = latest?.kind === "SPEND_BAR";
  if (decision.bar && !isBarring) await issueSpendCommand(tx, lineId, "SPEND_BAR", cycle);
  if (!decision.bar && isBarring) await issueSpendCommand(tx, lineId, "SPEND_UNBAR", cycle);
  return sms;
}

async function sendAlert(
  tx: Transaction,
  line: { id: string; msisdn: string | null; customerId: string; customer: { phone: string | null; currency: string } },
  threshold: SpendThreshold,
  money: { spentCents: number; limitCents: number },
): Promise<PendingSms[]> {
  const login = await tx.user.findUnique({
    where: { customerId: line.customerId },
    select: { id: true, locale: true, phone: true },
  });
  const t = translatorFor(login?.locale, "spend");
  const values = {
    percent: String(threshold),
    line: line.msisdn ?? line.id,
    spent: rubles(money.spentCents),
    limit: rubles(money.limitCents),
    currency: line.customer.currency,
  };
  if (login) {
    await notify(tx, login.id, {
      kind: "SPEND_LIMIT",
      title: t("alertTitle", values),
      body: t("alertBody", values),
      url: "/dashboard",
    });
  }
  const to = line.msisdn ?? line.customer.phone ?? login?.phone;
  return to ? [{ to, text: t("alertSms", values) }] : [];
}

async function queueTexts(db: Database, texts: PendingSms[]) {
  for (const text of texts) await queueSms(db, { ...text, isSecret: false });
}

/**
 * Checks one line's spend against its cap in its own transaction (the line locked, so two checks
 * run one after the other and an alert goes once), then queues the alert's SMS.
 */
export async function checkLineSpend(db: Database, lineId: string, now = new Date()) {
  const texts = await db.$transaction(async (tx) => {
    const line = await tx.line.findUnique({ where: { id: lineId }, select: { customerId: true } });
    if (!line) return [];
    await lockCustomerLine(tx, { lineId, customerId: line.customerId });
    return evaluateLockedLine(tx, lineId, now);
  });
  await queueTexts(db, texts);
  return texts.length;
}

/**
 * The `spend:check` job: the lines an add-on purchase or a usage batch touched, those with a cap
 * (or still barred) only. Returns how many were checked.
 */
export async function checkSpendOfLines(db: Database, lineIds: string[], now = new Date()): Promise<number> {
  const lines = await db.line.findMany({
    where: { id: { in: lineIds }, OR: [{ spendLimitCents: { not: null } }, { spendBarredAt: { not: null } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const line of lines) await checkLineSpend(db, line.id, now);
  return lines.length;
}

/**
 * After a usage batch: queues one `spend:check` for the capped lines among the batch's numbers.
 * Outside the ingestion statement; its cost is one lookup by the unique msisdn index per distinct
 * number, and nothing is queued when no line in the batch has a cap.
 */
export async function queueSpendCheckForNumbers(db: Database, msisdns: string[]) {
  const distinct = [...new Set(msisdns)];
  if (distinct.length === 0) return 0;
  const capped = await db.line.findMany({
    where: { msisdn: { in: distinct }, OR: [{ spendLimitCents: { not: null } }, { spendBarredAt: { not: null } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (capped.length === 0) return 0;
  const lineIds = capped.map((line) => line.id);
  // A replayed batch, or one touching the same lines while the check waits, is one job.
  await enqueueJob(db, "spend:check", { lineIds }, { jobKey: `spend:check:${lineIds.join(",")}`.slice(0, 512) });
  return lineIds.length;
}

/** Queues the check of one line in the caller's transaction (after an add-on purchase). */
export async function queueSpendCheck(tx: Transaction, lineId: string) {
  await enqueueJob(tx, "spend:check", { lineIds: [lineId] }, { jobKey: `spend:check:${lineId}` });
}

/**
 * The `spend:cycle-reset` job: when a barred line's billing cycle turns, its spend starts again from
 * zero, so the check lifts the bar (a cap of 0 stays barred). Barred lines are few.
 */
export async function resetSpendCycles(db: Database, now = new Date()): Promise<number> {
  const barred = await db.line.findMany({
    where: { spendBarredAt: { not: null } },
    select: { id: true, spendBarredAt: true, customer: { select: { billingDay: true } } },
    orderBy: { id: "asc" },
    take: 1000,
  });
  let checked = 0;
  for (const line of barred) {
    if (line.spendBarredAt! >= currentCycle(line.customer.billingDay, now).start) continue;
    await checkLineSpend(db, line.id, now);
    checked++;
  }
  return checked;
}

/**
 * Called from the DONE transaction of a provisioning command: a SPEND_BAR that the network applied
 * bars the line's chargeable extras, a SPEND_UNBAR lifts it. Only the latest of the line's spend
 * commands counts, so a bar confirmed after a later unbar changes nothing.
 */
export async function applySpendCommandDone(
  tx: Transaction,
  command: { id: string; lineId: string; kind: ProvisioningKind },
  now = new Date(),
) {
  if (!SPEND_KINDS.includes(command.kind)) return;
  const latest = await latestSpendCommand(tx, command.lineId);
  if (latest?.id !== command.id) return;
  await tx.line.update({
    where: { id: command.lineId },
    data: { spendBarredAt: command.kind === "SPEND_BAR" ? now : null },
  });
}

/**
 * Refuses an add-on purchase when the cap is reached, or when the purchase would pass it (saying how
 * much is left), in the buyer's language. Called inside the purchase's transaction, after the line
 * lock, so concurrent purchases see each other.
 */
export async function assertPurchaseWithinCap(
  tx: Transaction,
  input: { lineId: string; priceCents: number; actorId: string; now: Date },
) {
  const { line, spentCents } = await readLineSpend(tx, input.lineId, input.now);
  const check = checkPurchaseAgainstCap({ limitCents: line.spendLimitCents, spentCents, priceCents: input.priceCents });
  if (check.allowed) return;
  const buyer = await tx.user.findUnique({ where: { id: input.actorId }, select: { locale: true } });
  const t = translatorFor(buyer?.locale, "spend");
  const values = {
    limit: rubles(line.spendLimitCents ?? 0),
    left: rubles(check.leftCents),
    currency: line.customer.currency,
  };
  throw new AppError(
    "PRECONDITION_FAILED",
    check.reason === "CAP_REACHED" ? t("capReached", values) : t("overCap", values),
  );
}

export type SpendLimitView = {
  lineId: string;
  limitCents: number | null;
  spentCents: number;
  leftCents: number | null;
  barred: boolean;
  /** A bar or unbar the network has not applied yet. */
  pending: boolean;
  /** The highest alert level reached this cycle (80 or 100), or null. */
  alert: SpendThreshold | null;
  cycleStart: Date;
  cycleEnd: Date;
};

function alertLevel(limitCents: number | null, spentCents: number): SpendThreshold | null {
  const decision = decideSpend({ limitCents, spentCents, sent: [] });
  return decision.record.length ? decision.record[decision.record.length - 1]! : null;
}

/** The spend of one line this cycle against its cap, as the dashboard shows it. */
export async function spendLimitView(db: Reader, lineId: string, now = new Date()): Promise<SpendLimitView> {
  const { line, cycle, spentCents } = await readLineSpend(db, lineId, now);
  const latest = await latestSpendCommand(db, lineId);
  return {
    lineId,
    limitCents: line.spendLimitCents,
    spentCents,
    leftCents: spendLeftCents(line.spendLimitCents, spentCents),
    barred: line.spendBarredAt !== null,
    pending: latest !== null && latest.status !== "DONE",
    alert: alertLevel(line.spendLimitCents, spentCents),
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
  };
}

/**
 * `line.setSpendLimit`: sets, changes or (with null) removes the monthly cap on the caller's line.
 * Setting a value is idempotent: a replay finds the value already set and changes nothing. The new
 * cap is checked at once: lowered below the spend it bars, raised above it or removed it unbars.
 */
export async function setSpendLimit(db: Database, actor: SpendActor, input: SetSpendLimitInput, now = new Date()) {
  const { view, texts } = await db.$transaction(async (tx) => {
    const line = await tx.line.findFirst({
      where: { id: input.lineId, customerId: actor.customerId, status: { not: "TERMINATED" } },
      select: { id: true },
    });
    if (!line) throw notFound("Line");
    await lockCustomerLine(tx, { lineId: line.id, customerId: actor.customerId });
    const before = await tx.line.findUniqueOrThrow({ where: { id: line.id }, select: { spendLimitCents: true } });
    let texts: PendingSms[] = [];
    if (before.spendLimitCents !== input.limitCents) {
      await tx.line.update({ where: { id: line.id }, data: { spendLimitCents: input.limitCents } });
      await recordInteraction(tx, {
        customerId: actor.customerId,
        channel: actor.channel,
        type: input.limitCents === null ? "SPEND_LIMIT_REMOVED" : "SPEND_LIMIT_SET",
        actorId: actor.userId,
        data: {
          lineId: line.id,
          fromCents: before.spendLimitCents,
          toCents: input.limitCents,
          ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        },
        at: now,
      });
      texts = await evaluateLockedLine(tx, line.id, now);
    }
    return { view: await spendLimitView(tx, line.id, now), texts, before: before.spendLimitCents };
  });
  await queueTexts(db, texts);
  return view;
}

/** The spend views of several lines (account.summary), computed for the lines with a cap or a bar. */
export async function spendLimitViews(
  db: Database,
  lines: { id: string; spendLimitCents: number | null; spendBarredAt: Date | null }[],
  now = new Date(),
) {
  const views = new Map<string, SpendLimitView>();
  for (const line of lines) {
    if (line.spendLimitCents === null && line.spendBarredAt === null) continue;
    views.set(line.id, await spendLimitView(db, line.id, now));
  }
  return views;
}
