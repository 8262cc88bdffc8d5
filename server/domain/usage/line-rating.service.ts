import "server-only";
import type { Database } from "../../db/client";
import { groupBy } from "../group-by";
import { rateUsage, type RatedPack, type RatedUsage, type ZoneRates } from "./rate-usage";

type Reader = Pick<Database, "lineAddon" | "usageRecord" | "roamingUsageRecord" | "roamingZone">;

export type ZoneName = { id: string; name: string; nameEn: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rates the lines' usage in [start, end) against their add-ons (see `rateUsage`): loads the packs
 * in force during the period, the usage at home and abroad since the earliest of those packs
 * began (a pack bought last cycle has covered some already), and the roaming zones.
 */
export async function rateLines(
  db: Reader,
  lineIds: string[],
  period: { start: Date; end: Date },
): Promise<{ rated: Map<string, RatedUsage>; zones: Map<string, ZoneName> }> {
  if (!lineIds.length) return { rated: new Map(), zones: new Map() };
  const [purchases, zoneRows] = await Promise.all([
    db.lineAddon.findMany({
      where: {
        lineId: { in: lineIds },
        status: { not: "CANCELLED" },
        startsAt: { lt: period.end },
        endsAt: { gt: period.start },
      },
      select: {
        id: true,
        lineId: true,
        dataMb: true,
        minutes: true,
        startsAt: true,
        endsAt: true,
        addon: { select: { kind: true, zoneId: true } },
      },
    }),
    db.roamingZone.findMany({
      select: { id: true, name: true, nameEn: true, countries: true, mbCents: true, minuteCents: true, smsCents: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    }),
  ]);
  const earliest = Math.min(period.start.getTime(), ...purchases.map((purchase) => purchase.startsAt.getTime()));
  const since = new Date(Math.floor(earliest / DAY_MS) * DAY_MS);
  const usageWhere = { lineId: { in: lineIds }, date: { gte: since, lt: period.end } };
  const [home, abroad] = await Promise.all([
    db.usageRecord.findMany({
      where: usageWhere,
      select: { lineId: true, date: true, minutes: true, sms: true, dataMb: true },
    }),
    db.roamingUsageRecord.findMany({
      where: usageWhere,
      select: { lineId: true, date: true, country: true, minutes: true, sms: true, dataMb: true },
    }),
  ]);

  const zones: ZoneRates[] = zoneRows;
  const packsByLine = groupBy(purchases, (purchase) => purchase.lineId);
  const homeByLine = groupBy(home, (row) => row.lineId);
  const abroadByLine = groupBy(abroad, (row) => row.lineId);
  const rated = new Map<string, RatedUsage>();
  for (const lineId of lineIds) {
    const packs = (packsByLine.get(lineId) ?? []).map((purchase): RatedPack => ({
      id: purchase.id,
      kind: purchase.addon.kind === "ROAMING" ? "ROAMING" : purchase.addon.kind === "MINUTES" ? "MINUTES" : "DATA",
      zoneId: purchase.addon.zoneId,
      dataMb: purchase.dataMb,
      minutes: purchase.minutes,
      startsAt: purchase.startsAt,
      endsAt: purchase.endsAt,
    }));
    // Days before the period only matter to a line's packs.
    const isRelevant = (row: { date: Date }) => packs.length > 0 || row.date.getTime() >= period.start.getTime();
    rated.set(
      lineId,
      rateUsage({
        domestic: (homeByLine.get(lineId) ?? []).filter(isRelevant),
        roaming: (abroadByLine.get(lineId) ?? []).filter(isRelevant),
        packs,
        zones,
        from: period.start,
        to: period.end,
      }),
    );
  }
  return { rated, zones: new Map(zoneRows.map((zone) => [zone.id, zone])) };
}
