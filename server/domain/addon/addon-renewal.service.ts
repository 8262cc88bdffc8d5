import "server-only";
import type { Addon, LineAddon } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { isUniqueViolation } from "../errors";
import { lockCustomerLine } from "../line/line-lock.service";
import { notify } from "../notification/notify.service";
import { queueSpendCheck } from "../spend/spend-check.service";
import { renewalRefusedByCap } from "../spend/spend.service";
import { tariffNameIn } from "../tariff/tariff-name";
import { addonEndsAt, addonRefusals } from "./addon-rules";

/** The renewal's idempotency key, derived from the purchase it renews: a rerun never renews twice. */
export function renewalKey(purchaseId: string): string {
  return `renew:${purchaseId}`;
}

type Refusal = NonNullable<Awaited<ReturnType<typeof renewalRefusedByCap>>>;

/** Tells the subscriber (in the app and by push, in their language) why a pack did not renew. */
async function notifyRenewalStopped(tx: Transaction, purchase: LineAddon & { addon: Addon }, refusal: Refusal) {
  const login = await tx.user.findUnique({
    where: { customerId: purchase.customerId },
    select: { id: true, locale: true },
  });
  if (!login) return;
  const t = translatorFor(login.locale, "spend");
  const values = {
    addon: tariffNameIn(purchase.addon, login.locale),
    line: refusal.msisdn,
    price: purchase.addon.priceCents / 100,
    limit: refusal.limitCents / 100,
    left: refusal.leftCents / 100,
    currency: refusal.currency,
  };
  await notify(tx, login.id, {
    kind: "SPEND_LIMIT",
    title: t("renewalStoppedTitle", values),
    body: t("renewalStoppedBody", values),
    url: "/addons",
  });
}

/**
 * Add-ons whose validity has ended: a monthly one with auto-renewal on is bought again from its end
 * (at the catalogue's current price, charged on the next bill) when the line may still have it and
 * the renewal fits under the line's spending limit; every other one becomes EXPIRED. A renewal the
 * cap refuses ends the pack, turns its auto-renewal off and tells the subscriber why. Each purchase
 * is handled in its own transaction (the line locked first, as a purchase does, then the purchase),
 * guarded by its ACTIVE status and the renewal's derived key, so a job run twice renews once.
 */
export async function renewDueAddons(db: Database, now = new Date()) {
  const due = await db.lineAddon.findMany({
    where: { status: "ACTIVE", endsAt: { lte: now } },
    select: { id: true, lineId: true, customerId: true },
    orderBy: { endsAt: "asc" },
    take: 1000,
  });
  let renewed = 0;
  let expired = 0;
  let refused = 0;
  for (const { id, lineId, customerId } of due) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        await lockCustomerLine(tx, { lineId, customerId });
        const [locked] = await tx.$kysely
          .selectFrom("LineAddon")
          .select("id")
          .where("id", "=", id)
          .where("status", "=", "ACTIVE")
          .forUpdate()
          .execute();
        if (!locked) return "skipped" as const;
        const purchase = await tx.lineAddon.findUniqueOrThrow({
          where: { id },
          include: { addon: true, line: { select: { status: true, kind: true, tariffId: true } } },
        });
        await tx.lineAddon.update({ where: { id }, data: { status: "EXPIRED" } });
        const renews =
          purchase.autoRenew &&
          purchase.addon.renewal === "MONTHLY" &&
          addonRefusals({ line: purchase.line, addon: purchase.addon }).length === 0;
        if (!renews) return "expired" as const;
        const refusal = await renewalRefusedByCap(tx, { lineId, priceCents: purchase.addon.priceCents, now });
        if (refusal) {
          await tx.lineAddon.update({ where: { id }, data: { autoRenew: false } });
          await notifyRenewalStopped(tx, purchase, refusal);
          return "refused" as const;
        }
        await tx.lineAddon.create({
          data: {
            lineId: purchase.lineId,
            customerId: purchase.customerId,
            addonId: purchase.addonId,
            priceCents: purchase.addon.priceCents,
            currency: purchase.addon.currency,
            dataMb: purchase.addon.dataMb,
            minutes: purchase.addon.minutes,
            startsAt: purchase.endsAt,
            endsAt: addonEndsAt(purchase.endsAt, purchase.addon.validityDays),
            autoRenew: true,
            status: "ACTIVE",
            boughtById: purchase.boughtById,
            idempotencyKey: renewalKey(purchase.id),
            channel: purchase.channel,
            createdAt: now,
          },
        });
        // The renewal is spend like a purchase: the 80% / 100% alerts and the bar follow from it.
        await queueSpendCheck(tx, lineId);
        return "renewed" as const;
      });
      if (outcome === "renewed") renewed++;
      if (outcome === "expired") expired++;
      if (outcome === "refused") refused++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { renewed, expired, refused };
}
