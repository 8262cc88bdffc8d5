import "server-only";
import type { Database, Transaction } from "../../db/client";
import { priceOverage, type TariffPrice } from "../billing/price-usage";
import { rateLines } from "../usage/line-rating.service";
import type { RatedUsage } from "../usage/rate-usage";

type Reader = Pick<Database, "line" | "usageRecord" | "roamingUsageRecord" | "lineAddon" | "roamingZone"> | Transaction;

/**
 * The usage charges of a line so far in the billing cycle, in kopecks: the cycle's daily totals
 * rated against the line's add-ons (packs first, roaming passes in their zone), what the packs
 * leave priced against the tariff, plus roaming no pass covered at the zones' rates. The one place
 * the spending limit rates usage. Cost: the rating's four small reads of the line's cycle.
 */
export async function overageSoFarCents(db: Reader, lineId: string, cycle: { start: Date; end: Date }) {
  const line = await db.line.findUniqueOrThrow({ where: { id: lineId }, select: { tariff: true } });
  const { rated } = await rateLines(db, [lineId], cycle);
  return overageOfRating(line.tariff, rated.get(lineId));
}

/**
 * The usage charges of a line from its cycle already rated (rateLines' answer for the line, over the
 * billing cycle): what the packs left priced against the tariff, plus roaming no pass covered.
 */
export function overageOfRating(tariff: TariffPrice, rating: RatedUsage | undefined): number {
  const usage = { minutes: 0, sms: 0, dataMb: 0 };
  for (const day of rating?.domestic ?? []) {
    usage.minutes += day.minutes;
    usage.sms += day.sms;
    usage.dataMb += day.dataMb;
  }
  return priceOverage(tariff, usage).totalCents + (rating?.roamingCents ?? 0);
}
