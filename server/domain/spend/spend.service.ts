import "server-only";
import type { Channel } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { AppError, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { lockCustomerLine } from "../line/line-lock.service";
import type { TariffPrice } from "../billing/price-usage";
import type { RatedUsage } from "../usage/rate-usage";
import { latestSpendCommand } from "./spend-bar.service";
import { overageOfRating } from "./spend-usage.service";
import { evaluateLockedLine, readLineSpend, rubles } from "./spend-check.service";
import { checkPurchaseAgainstCap, decideSpend, spendLeftCents, type SpendThreshold } from "./spend-rules";
import type { SetSpendLimitInput } from "./spend.schema";

type Reader = Database | Transaction;

export type SpendActor = { customerId: string; userId: string; channel: Channel };

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

/**
 * Whether an add-on's auto-renewal costing `priceCents` must not happen: it would pass the line's cap
 * this cycle, or the line's extras are barred this cycle. Null when it may renew; else what is left.
 * Called in the renewal's transaction after the line lock, like a purchase.
 */
export async function renewalRefusedByCap(tx: Transaction, input: { lineId: string; priceCents: number; now: Date }) {
  const { line, cycle, spentCents } = await readLineSpend(tx, input.lineId, input.now);
  const check = checkPurchaseAgainstCap({ limitCents: line.spendLimitCents, spentCents, priceCents: input.priceCents });
  const isBarred = line.spendLimitCents !== null && line.spendBarredAt !== null && line.spendBarredAt >= cycle.start;
  if (check.allowed && !isBarred) return null;
  return {
    limitCents: line.spendLimitCents ?? 0,
    leftCents: check.allowed ? 0 : check.leftCents,
    currency: line.customer.currency,
    msisdn: line.msisdn ?? line.id,
  };
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

/**
 * The spend of one line this cycle against its cap, as the dashboard shows it. `overageCents`: the
 * cycle's usage charges when the caller has already rated the cycle (else it is rated here).
 */
export async function spendLimitView(
  db: Reader,
  lineId: string,
  now = new Date(),
  overageCents?: number,
): Promise<SpendLimitView> {
  const { line, cycle, spentCents } = await readLineSpend(db, lineId, now, overageCents);
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
 * Sets, changes or (with null) removes the monthly cap on a line of `actor.customerId` (a foreign
 * line is NOT_FOUND). Setting a value is idempotent: a replay finds the value already set and changes
 * nothing. The new cap is checked at once: lowered below the spend it bars, raised above it or
 * removed it unbars. Answers the view and the cap before.
 */
export async function applySpendLimit(db: Database, actor: SpendActor, input: SetSpendLimitInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const line = await tx.line.findFirst({
      where: { id: input.lineId, customerId: actor.customerId, status: { not: "TERMINATED" } },
      select: { id: true },
    });
    if (!line) throw notFound("Line");
    await lockCustomerLine(tx, { lineId: line.id, customerId: actor.customerId });
    const before = await tx.line.findUniqueOrThrow({ where: { id: line.id }, select: { spendLimitCents: true } });
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
      await evaluateLockedLine(tx, line.id, now);
    }
    return { view: await spendLimitView(tx, line.id, now), before: before.spendLimitCents };
  });
}

/** `line.setSpendLimit`: the subscriber's own line. */
export async function setSpendLimit(db: Database, actor: SpendActor, input: SetSpendLimitInput, now = new Date()) {
  return (await applySpendLimit(db, actor, input, now)).view;
}

/**
 * The spend views of several lines (account.summary), computed for the lines with a cap or a bar.
 * `rated`: the lines' current billing cycle already rated by the caller (rateLines), so a capped
 * line is not rated a second time.
 */
export async function spendLimitViews(
  db: Database,
  lines: { id: string; spendLimitCents: number | null; spendBarredAt: Date | null; tariff: TariffPrice }[],
  now = new Date(),
  rated?: Map<string, RatedUsage>,
) {
  const views = new Map<string, SpendLimitView>();
  for (const line of lines) {
    if (line.spendLimitCents === null && line.spendBarredAt === null) continue;
    const overageCents = rated ? overageOfRating(line.tariff, rated.get(line.id)) : undefined;
    views.set(line.id, await spendLimitView(db, line.id, now, overageCents));
  }
  return views;
}
