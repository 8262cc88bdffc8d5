import "server-only";
import type { Channel } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { amountDueCents } from "../billing/bill-status";
import { AppError, badRequest } from "../errors";
import { enqueueJob } from "../job-queue/enqueue.service";
import { notify } from "../notification/notify.service";
import { recordInteraction } from "../interaction/record-interaction.service";
import { translatorFor } from "../../i18n/translator";
import { log } from "../../log";
import { getPaymentProvider, payBill } from "./payment.service";
import type { PaymentProvider } from "./payment-provider";

/** A declined autopay charge is tried again this many times in all, a day apart; then the subscriber pays by hand. */
export const AUTOPAY_ATTEMPTS = 3;
export const AUTOPAY_RETRY_MS = 24 * 60 * 60 * 1000;

/** The key of an autopay charge: derived from the bill and the attempt, so a rerun of the job never pays twice. */
export function autopayKeyOf(billId: string, attempt: number): string {
  return `autopay:${billId}:${attempt}`;
}

export type AutopayView = { enabled: boolean; card: { brand: string; last4: string } | null; enabledAt: Date | null };

export async function getAutopay(db: Database, customerId: string): Promise<AutopayView> {
  const row = await db.autopaySetting.findUnique({ where: { customerId } });
  if (!row) return { enabled: false, card: null, enabledAt: null };
  return {
    enabled: row.enabled,
    card: { brand: row.cardBrand, last4: row.cardLast4 },
    enabledAt: row.enabled ? row.enabledAt : null,
  };
}

/**
 * Saves the card through the provider (only its reference, brand and last four digits are kept)
 * and turns autopay on. Enabling again with another card replaces the card; with the same one it
 * changes nothing, so a retried call is safe.
 */
export async function enableAutopay(
  db: Database,
  input: { customerId: string; actorId: string; channel: Channel; cardToken: string },
  provider: PaymentProvider = getPaymentProvider(db),
): Promise<AutopayView> {
  const saved = await provider.saveCard(input.cardToken);
  if (saved.status === "DECLINED") throw badRequest("cardToken", "The bank declined this card for automatic payments");
  const card = { cardRef: saved.cardRef, cardBrand: saved.cardBrand, cardLast4: saved.cardLast4 };
  await db.$transaction(async (tx) => {
    const before = await tx.autopaySetting.findUnique({ where: { customerId: input.customerId } });
    const unchanged = before?.enabled && before.cardRef === card.cardRef;
    if (unchanged) return;
    const now = new Date();
    await tx.autopaySetting.upsert({
      where: { customerId: input.customerId },
      create: { customerId: input.customerId, ...card, changedById: input.actorId, channel: input.channel },
      update: {
        ...card,
        enabled: true,
        enabledAt: now,
        disabledAt: null,
        changedById: input.actorId,
        channel: input.channel,
      },
    });
    await recordInteraction(tx, {
      customerId: input.customerId,
      channel: input.channel,
      type: "AUTOPAY_ENABLED",
      actorId: input.actorId,
      data: { cardBrand: card.cardBrand, cardLast4: card.cardLast4 },
    });
  });
  return getAutopay(db, input.customerId);
}

/**
 * Turns autopay off inside the caller's transaction; answers whether this call turned it off (false
 * when it was off already, or a concurrent call won the row), so only the winner records anything.
 */
export async function turnAutopayOff(
  tx: Transaction,
  input: { customerId: string; actorId: string; channel: Channel },
): Promise<boolean> {
  const { count } = await tx.autopaySetting.updateMany({
    where: { customerId: input.customerId, enabled: true },
    data: { enabled: false, disabledAt: new Date(), changedById: input.actorId, channel: input.channel },
  });
  if (count === 0) return false;
  await recordInteraction(tx, {
    customerId: input.customerId,
    channel: input.channel,
    type: "AUTOPAY_DISABLED",
    actorId: input.actorId,
  });
  return true;
}

/** Turns autopay off at once: a charge not yet started for a bill will not be made. Safe to repeat. */
export async function disableAutopay(
  db: Database,
  input: { customerId: string; actorId: string; channel: Channel },
): Promise<AutopayView> {
  await db.$transaction((tx) => turnAutopayOff(tx, input));
  return getAutopay(db, input.customerId);
}

/** Queues the first autopay charge of new bills whose customer has autopay on, in the bill run's transaction. */
export async function scheduleAutopay(tx: Transaction, bills: { billId: string; customerId: string }[], at: Date) {
  if (!bills.length) return;
  const enabled = new Set(
    (
      await tx.autopaySetting.findMany({
        where: { customerId: { in: bills.map((bill) => bill.customerId) }, enabled: true },
        select: { customerId: true },
      })
    ).map((row) => row.customerId),
  );
  for (const bill of bills.filter((b) => enabled.has(b.customerId))) {
    await enqueueJob(
      tx,
      "autopay:charge",
      { billId: bill.billId, attempt: 1 },
      { runAt: at, jobKey: autopayKeyOf(bill.billId, 1) },
    );
  }
}

export type AutopayOutcome = "PAID" | "DECLINED" | "RETRY_SCHEDULED" | "SKIPPED";

/**
 * One autopay attempt on a bill (the `autopay:charge` job). The payment's idempotency key comes
 * from the bill and the attempt, so the job running twice pays once. A decline is tried again a
 * day later, up to AUTOPAY_ATTEMPTS in all; the subscriber hears of the payment and of a final
 * decline. Nothing happens when autopay was turned off, or the bill is paid or being paid.
 */
export async function chargeBillByAutopay(
  db: Database,
  input: { billId: string; attempt: number; now?: Date },
  provider: PaymentProvider = getPaymentProvider(db),
): Promise<AutopayOutcome> {
  const now = input.now ?? new Date();
  const bill = await db.bill.findUnique({
    where: { id: input.billId },
    select: {
      id: true,
      number: true,
      status: true,
      totalCents: true,
      paidCents: true,
      currency: true,
      customerId: true,
      customer: { select: { autopay: true, login: { select: { id: true, locale: true } } } },
    },
  });
  const setting = bill?.customer.autopay;
  const login = bill?.customer.login;
  if (!bill || !setting?.enabled || !login || bill.status === "CANCELLED" || amountDueCents(bill) === 0) {
    return "SKIPPED";
  }
  let payment;
  try {
    payment = await payBill(
      db,
      {
        billId: bill.id,
        customerId: bill.customerId,
        idempotencyKey: autopayKeyOf(bill.id, input.attempt),
        paymentToken: setting.cardRef,
        actorId: login.id,
        channel: setting.channel,
        locale: login.locale,
      },
      provider,
    );
  } catch (error) {
    // Another payment of the bill is being confirmed: the subscriber is paying it now.
    if (error instanceof AppError && error.code === "CONFLICT") return "SKIPPED";
    throw error;
  }
  if (payment.status !== "SUCCEEDED" && payment.status !== "DECLINED") return "SKIPPED"; // the reconcile job settles it
  const outcome: AutopayOutcome =
    payment.status === "SUCCEEDED" ? "PAID" : input.attempt < AUTOPAY_ATTEMPTS ? "RETRY_SCHEDULED" : "DECLINED";
  const t = translatorFor(login.locale, "notifications");
  const money = { amount: payment.amountCents / 100, currency: bill.currency, number: bill.number };
  await db.$transaction(async (tx) => {
    // The first to record this attempt's outcome acts on it; a rerun or a racing twin does not.
    const { count } = await tx.autopayAttempt.createMany({
      data: [{ billId: bill.id, attempt: input.attempt, outcome }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    if (outcome === "RETRY_SCHEDULED") {
      await enqueueJob(
        tx,
        "autopay:charge",
        { billId: bill.id, attempt: input.attempt + 1 },
        { runAt: new Date(now.getTime() + AUTOPAY_RETRY_MS), jobKey: autopayKeyOf(bill.id, input.attempt + 1) },
      );
      log.info({ billId: bill.id, attempt: input.attempt }, "autopay declined; trying again tomorrow");
      return;
    }
    const paid = outcome === "PAID";
    await notify(tx, login.id, {
      kind: "PAYMENT",
      title: t(paid ? "autopayPaidTitle" : "autopayDeclinedTitle"),
      body: t(paid ? "autopayPaidBody" : "autopayDeclinedBody", money),
      url: `/bills/${bill.id}`,
    });
  });
  return outcome;
}
