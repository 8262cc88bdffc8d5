/**
 * Rating usage against add-ons (issue 16). Usage arrives summed per line and day, so packs are
 * rated by the day: a pack covers the days from the day it starts until it ends. Rules:
 * - A home pack (data or minutes) is used before the tariff's allowance, so what it covers does not
 *   depend on the billing cycle; packs that end first are used first.
 * - Usage abroad is rated only against roaming passes of the country's zone (passes that end first
 *   first); the rest is priced at the zone's rates per MB, minute and SMS. A country in no zone is
 *   priced at the highest rate of each kind among the zones.
 * Domestic usage the packs leave is then rated against the tariff by `priceOverage`.
 */

export type DayUsage = { date: Date; minutes: number; sms: number; dataMb: number };
export type RoamingDayUsage = DayUsage & { country: string };

export type RatedPack = {
  id: string;
  kind: "DATA" | "MINUTES" | "ROAMING";
  zoneId: string | null;
  dataMb: number | null;
  minutes: number | null;
  startsAt: Date;
  endsAt: Date;
};

export type ZoneRates = { id: string; countries: string[]; mbCents: number; minuteCents: number; smsCents: number };

export type PackUse = { dataMb: number; minutes: number };

export type RoamingCharge = {
  /** Null: a country in no zone. */
  zoneId: string | null;
  minutes: number;
  sms: number;
  dataMb: number;
  cents: number;
};

export type RatedUsage = {
  /** What each pack has covered so far, from its first day (also before `from`). */
  packUse: Map<string, PackUse>;
  /** Domestic usage in [from, to) as it came, before the packs took their part. */
  used: { minutes: number; sms: number; dataMb: number };
  /** Domestic usage in [from, to) that the packs left, for the tariff's allowance. */
  domestic: DayUsage[];
  /** Usage abroad in [from, to) that no pass covered, per zone, with its price. */
  roaming: RoamingCharge[];
  roamingCents: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function dayStart(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

function covers(pack: RatedPack, day: number): boolean {
  return dayStart(pack.startsAt) <= day && day < pack.endsAt.getTime();
}

function byEndThenId(a: RatedPack, b: RatedPack): number {
  return a.endsAt.getTime() - b.endsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Takes up to `amount` from the packs' `field` allowance, in order; returns what is left over. */
function consume(packs: RatedPack[], use: Map<string, PackUse>, field: keyof PackUse, amount: number): number {
  let left = amount;
  for (const pack of packs) {
    if (left <= 0) break;
    const allowance = pack[field];
    if (!allowance) continue;
    const used = use.get(pack.id)!;
    const take = Math.min(left, Math.max(0, allowance - used[field]));
    used[field] += take;
    left -= take;
  }
  return left;
}

export function zoneOf(zones: ZoneRates[], country: string): ZoneRates | null {
  return zones.find((zone) => zone.countries.includes(country)) ?? null;
}

function ratesWithoutZone(zones: ZoneRates[]): Omit<ZoneRates, "id" | "countries"> {
  return {
    mbCents: Math.max(0, ...zones.map((zone) => zone.mbCents)),
    minuteCents: Math.max(0, ...zones.map((zone) => zone.minuteCents)),
    smsCents: Math.max(0, ...zones.map((zone) => zone.smsCents)),
  };
}

export function rateUsage(input: {
  domestic: DayUsage[];
  roaming: RoamingDayUsage[];
  packs: RatedPack[];
  zones: ZoneRates[];
  from: Date;
  to: Date;
}): RatedUsage {
  const from = input.from.getTime();
  const to = input.to.getTime();
  const isInPeriod = (date: Date) => date.getTime() >= from && date.getTime() < to;
  const packs = [...input.packs].sort(byEndThenId);
  const packUse = new Map(packs.map((pack) => [pack.id, { dataMb: 0, minutes: 0 }]));
  const home = packs.filter((pack) => pack.kind !== "ROAMING");
  const passes = packs.filter((pack) => pack.kind === "ROAMING");

  const used = { minutes: 0, sms: 0, dataMb: 0 };
  const domestic: DayUsage[] = [];
  for (const day of [...input.domestic].sort((a, b) => a.date.getTime() - b.date.getTime())) {
    const active = home.filter((pack) => covers(pack, day.date.getTime()));
    const left = {
      date: day.date,
      minutes: consume(active, packUse, "minutes", day.minutes),
      sms: day.sms,
      dataMb: consume(active, packUse, "dataMb", day.dataMb),
    };
    if (!isInPeriod(day.date)) continue;
    used.minutes += day.minutes;
    used.sms += day.sms;
    used.dataMb += day.dataMb;
    domestic.push(left);
  }

  const noZone = ratesWithoutZone(input.zones);
  const charges = new Map<string | null, RoamingCharge>();
  for (const day of [...input.roaming].sort(
    (a, b) => a.date.getTime() - b.date.getTime() || (a.country < b.country ? -1 : 1),
  )) {
    const zone = zoneOf(input.zones, day.country);
    const zoneId = zone?.id ?? null;
    const active = passes.filter(
      (pass) => pass.zoneId === zoneId && zoneId !== null && covers(pass, day.date.getTime()),
    );
    const dataMb = consume(active, packUse, "dataMb", day.dataMb);
    const minutes = consume(active, packUse, "minutes", day.minutes);
    if (!isInPeriod(day.date)) continue;
    const rates = zone ?? noZone;
    const charge = charges.get(zoneId) ?? { zoneId, minutes: 0, sms: 0, dataMb: 0, cents: 0 };
    charge.minutes += minutes;
    charge.sms += day.sms;
    charge.dataMb += dataMb;
    charge.cents += dataMb * rates.mbCents + minutes * rates.minuteCents + day.sms * rates.smsCents;
    charges.set(zoneId, charge);
  }
  const roaming = [...charges.values()].filter(
    (charge) => charge.cents > 0 || charge.dataMb + charge.minutes + charge.sms > 0,
  );
  return { packUse, used, domestic, roaming, roamingCents: roaming.reduce((sum, charge) => sum + charge.cents, 0) };
}
