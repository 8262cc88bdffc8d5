import "server-only";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../errors";
import { addonEndsAt, addonRefusals } from "./addon-rules";

/** The renewal's idempotency key, derived from the purchase it renews: a rerun never renews twice. */
export function renewalKey(purchaseId: string): string {
  return `renew:${purchaseId}`;
}

/**
 * Add-ons whose validity has ended: a monthly one with auto-renewal on is bought again from its end
 * (at the catalogue's current price, charged on the next bill) when the line may still have it;
 * every other one becomes EXPIRED. Each purchase is handled in its own transaction, guarded by its
 * ACTIVE status and the renewal's derived key, so a job run twice renews once.
 */
export async function renewDueAddons(db: Database, now = new Date()) {
  const due = await db.lineAddon.findMany({
    where: { status: "ACTIVE", endsAt: { lte: now } },
    select: { id: true },
    orderBy: { endsAt: "asc" },
    take: 1000,
  });
  let renewed = 0;
  let expired = 0;
  for (const { id } of due) {
    try {
      const outcome = await db.$transaction(async (tx) => {
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
        return "renewed" as const;
      });
      if (outcome === "renewed") renewed++;
      if (outcome === "expired") expired++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { renewed, expired };
}
