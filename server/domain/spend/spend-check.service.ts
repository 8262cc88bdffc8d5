import "server-only";
import { createHash } from "node:crypto";

import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { currentCycle } from "../billing/cycle";
import { enqueueJob } from "../job-queue/enqueue.service";
import { lockCustomerLine } from "../line/line-lock.service";
import { notify } from "../notification/notify.service";
import { issueCommand } from "../provisioning/provisioning.service";
import { queueSmsInTransaction } from "../sms/sms.service";
import { latestSpendCommand } from "./spend-bar.service";
import { decideSpend, type SpendThreshold } from "./spend-rules";
import { overageSoFarCents } from "./spend-usage.service";

type Reader = Database | Transaction;
type Cycle = { start: Date; end: Date };

/**
 * Add-on purchases made in the cycle (charged on the next bill) plus the usage overage so far; the
 * overage is rated here unless the caller already rated the cycle (`overageCents`).
 */
async function spentInCycleCents(db: Reader, lineId: string, cycle: Cycle, overageCents?: number): Promise<number> {
  const addons = await db.lineAddon.aggregate({
    where: { lineId, createdAt: { gte: cycle.start, lt: cycle.end } },
    _sum: { priceCents: true },
  });
  return (addons._sum.priceCents ?? 0) + (overageCents ?? (await overageSoFarCents(db, lineId, cycle)));
}

export async function readLineSpend(db: Reader, lineId: string, now: Date, overageCents?: number) {
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
    line.spendLimitCents === null && line.spendBarredAt === null
      ? 0
      : await spentInCycleCents(db, lineId, cycle, overageCents);
  return { line, cycle, spentCents };
}

/** One SPEND_BAR (or SPEND_UNBAR) per change of mind: the first of a cycle is `spend-bar:<line>:<cycle>`, later ones `:2`, `:3`. */
async function issueSpendCommand(tx: Transaction, lineId: string, kind: "SPEND_BAR" | "SPEND_UNBAR", cycle: Cycle) {
  const base = `${kind === "SPEND_BAR" ? "spend-bar" : "spend-unbar"}:${lineId}:${cycle.start.toISOString().slice(0, 10)}`;
  const earlier = await tx.provisioningCommand.count({ where: { lineId, kind, sourceKey: { startsWith: base } } });
  const sourceKey = earlier === 0 ? base : `${base}:${earlier + 1}`;
  return issueCommand(tx, { lineId, kind, sourceKey, payload: { cycleStart: cycle.start.toISOString() } });
}

export function rubles(cents: number) {
  return cents / 100;
}

/**
 * Applies the spending-limit rule to a locked line in the caller's transaction: records and sends the
 * 80% / 100% alert once per cycle (in the app, by push and by SMS, all queued in the same transaction
 * as the alert's record, so they commit or roll back together), and bars or unbars chargeable extras
 * through provisioning when that changes. Answers how many alerts were sent.
 */
export async function evaluateLockedLine(tx: Transaction, lineId: string, now: Date): Promise<number> {
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
  let sent = 0;
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
      await sendAlert(tx, line, decision.send, { spentCents, limitCents: line.spendLimitCents });
      sent++;
    }
  }
  const latest = await latestSpendCommand(tx, lineId);
  const isBarring = latest?.kind === "SPEND_BAR";
  if (decision.bar && !isBarring) await issueSpendCommand(tx, lineId, "SPEND_BAR", cycle);
  if (!decision.bar && isBarring) await issueSpendCommand(tx, lineId, "SPEND_UNBAR", cycle);
  return sent;
}

async function sendAlert(
  tx: Transaction,
  line: { id: string; msisdn: string | null; customerId: string; customer: { phone: string | null; currency: string } },
  threshold: SpendThreshold,
  money: { spentCents: number; limitCents: number },
) {
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
  if (to) await queueSmsInTransaction(tx, { to, text: t("alertSms", values), isSecret: false });
}

/**
 * Checks one line's spend against its cap in its own transaction (the line locked, so two checks
 * run one after the other and an alert, with its SMS, goes once). Answers how many alerts were sent.
 */
export async function checkLineSpend(db: Database, lineId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const line = await tx.line.findUnique({ where: { id: lineId }, select: { customerId: true } });
    if (!line) return 0;
    await lockCustomerLine(tx, { lineId, customerId: line.customerId });
    return evaluateLockedLine(tx, lineId, now);
  });
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
 * After a usage batch: queues one `spend:check` for the batch's capped lines (a cap or a bar; the
 * ingestion statement finds them with the lines it matches, ingest.service.ts, so this costs no
 * lookup), in ascending id order. Nothing is queued when the batch has no capped line.
 */
export async function queueSpendCheckForLines(db: Database, cappedLineIds: string[]) {
  if (cappedLineIds.length === 0) return 0;
  // A replayed batch, or one touching the same lines while the check waits, is one job (the key
  // names the whole set, so a job never loses lines to another batch's payload).
  const setKey = createHash("sha256").update(cappedLineIds.join(",")).digest("base64url");
  await enqueueJob(db, "spend:check", { lineIds: cappedLineIds }, { jobKey: `spend:check:set:${setKey}` });
  return cappedLineIds.length;
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
