import { describe, expect, it } from "vitest";
import { rateUsage, zoneOf, type RatedPack, type ZoneRates } from "./rate-usage";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const at = (time: string) => new Date(time);
const usageOn = (day: string, dataMb = 0, minutes = 0, sms = 0) => ({ date: d(day), dataMb, minutes, sms });
const abroad = (day: string, country: string, dataMb = 0, minutes = 0, sms = 0) => ({
  ...usageOn(day, dataMb, minutes, sms),
  country,
});

const ZONES: ZoneRates[] = [
  { id: "eu", countries: ["DE", "FR"], mbCents: 300, minuteCents: 100, smsCents: 20 },
  { id: "tr", countries: ["TR"], mbCents: 150, minuteCents: 50, smsCents: 15 },
];

const pack = (over: Partial<RatedPack> & Pick<RatedPack, "id">): RatedPack => ({
  kind: "DATA",
  zoneId: null,
  dataMb: null,
  minutes: null,
  startsAt: at("2026-12-05T10:00:00Z"),
  endsAt: at("2026-12-12T10:00:00Z"),
  ...over,
});

const PERIOD = { from: d("2026-12-01"), to: d("2027-01-01") };

describe("rateUsage: home packs", () => {
  const cases: {
    name: string;
    packs: RatedPack[];
    days: ReturnType<typeof usageOn>[];
    packUse: Record<string, { dataMb: number; minutes: number }>;
    leftDataMb: number;
    leftMinutes: number;
  }[] = [
    {
      name: "no packs: all usage goes to the tariff",
      packs: [],
      days: [usageOn("2026-12-06", 500, 10)],
      packUse: {},
      leftDataMb: 500,
      leftMinutes: 10,
    },
    {
      name: "a data pack covers data on its days before the tariff",
      packs: [pack({ id: "p1", dataMb: 1000 })],
      days: [usageOn("2026-12-06", 400, 10), usageOn("2026-12-07", 300)],
      packUse: { p1: { dataMb: 700, minutes: 0 } },
      leftDataMb: 0,
      leftMinutes: 10,
    },
    {
      name: "usage beyond the pack is left for the tariff",
      packs: [pack({ id: "p1", dataMb: 1000 })],
      days: [usageOn("2026-12-06", 800), usageOn("2026-12-07", 700)],
      packUse: { p1: { dataMb: 1000, minutes: 0 } },
      leftDataMb: 500,
      leftMinutes: 0,
    },
    {
      name: "days before the pack's first day and after its last are not covered; its last day is",
      packs: [pack({ id: "p1", dataMb: 1000 })],
      days: [
        usageOn("2026-12-04", 100),
        usageOn("2026-12-05", 100),
        usageOn("2026-12-12", 100),
        usageOn("2026-12-13", 100),
      ],
      packUse: { p1: { dataMb: 200, minutes: 0 } },
      leftDataMb: 200,
      leftMinutes: 0,
    },
    {
      name: "the pack that ends first is used first",
      packs: [
        pack({ id: "late", dataMb: 500, endsAt: at("2026-12-20T00:00:00Z") }),
        pack({ id: "soon", dataMb: 500, endsAt: at("2026-12-10T00:00:00Z") }),
      ],
      days: [usageOn("2026-12-06", 700)],
      packUse: { soon: { dataMb: 500, minutes: 0 }, late: { dataMb: 200, minutes: 0 } },
      leftDataMb: 0,
      leftMinutes: 0,
    },
    {
      name: "a minutes pack covers minutes only",
      packs: [pack({ id: "m", kind: "MINUTES", minutes: 100 })],
      days: [usageOn("2026-12-06", 300, 150, 5)],
      packUse: { m: { dataMb: 0, minutes: 100 } },
      leftDataMb: 300,
      leftMinutes: 50,
    },
    {
      name: "a pack bought last cycle brings what it covered then: only its rest is left",
      packs: [pack({ id: "p1", dataMb: 1000, startsAt: at("2026-11-25T00:00:00Z") })],
      days: [usageOn("2026-11-28", 800), usageOn("2026-12-02", 500)],
      packUse: { p1: { dataMb: 1000, minutes: 0 } },
      leftDataMb: 300,
      leftMinutes: 0,
    },
    {
      name: "a roaming pass does not cover home usage",
      packs: [pack({ id: "r", kind: "ROAMING", zoneId: "eu", dataMb: 1000 })],
      days: [usageOn("2026-12-06", 300)],
      packUse: { r: { dataMb: 0, minutes: 0 } },
      leftDataMb: 300,
      leftMinutes: 0,
    },
  ];
  it.each(cases)("$name", ({ packs, days, packUse, leftDataMb, leftMinutes }) => {
    const rated = rateUsage({ domestic: days, roaming: [], packs, zones: ZONES, ...PERIOD });
    expect(rated.used.dataMb).toBe(
      days.filter((day) => day.date >= PERIOD.from).reduce((sum, day) => sum + day.dataMb, 0),
    );
    expect(Object.fromEntries(rated.packUse)).toEqual(packUse);
    expect(rated.domestic.reduce((sum, day) => sum + day.dataMb, 0)).toBe(leftDataMb);
    expect(rated.domestic.reduce((sum, day) => sum + day.minutes, 0)).toBe(leftMinutes);
  });

  it("keeps SMS and reports only the period's days", () => {
    const rated = rateUsage({
      domestic: [usageOn("2026-11-30", 10, 1, 1), usageOn("2026-12-01", 10, 1, 3)],
      roaming: [],
      packs: [],
      zones: ZONES,
      ...PERIOD,
    });
    expect(rated.domestic).toEqual([usageOn("2026-12-01", 10, 1, 3)]);
    expect(rated.used).toEqual({ minutes: 1, sms: 3, dataMb: 10 });
  });
});

describe("rateUsage: roaming", () => {
  const cases: {
    name: string;
    packs: RatedPack[];
    days: ReturnType<typeof abroad>[];
    passUse: Record<string, { dataMb: number; minutes: number }>;
    charges: { zoneId: string | null; dataMb: number; minutes: number; sms: number; cents: number }[];
  }[] = [
    {
      name: "without a pass usage is priced at the zone's rates",
      packs: [],
      days: [abroad("2026-12-06", "DE", 10, 3, 2)],
      passUse: {},
      charges: [{ zoneId: "eu", dataMb: 10, minutes: 3, sms: 2, cents: 10 * 300 + 3 * 100 + 2 * 20 }],
    },
    {
      name: "a pass of the zone covers data and minutes; SMS is still priced",
      packs: [pack({ id: "r", kind: "ROAMING", zoneId: "eu", dataMb: 1000, minutes: 60 })],
      days: [abroad("2026-12-06", "FR", 400, 20, 1)],
      passUse: { r: { dataMb: 400, minutes: 20 } },
      charges: [{ zoneId: "eu", dataMb: 0, minutes: 0, sms: 1, cents: 20 }],
    },
    {
      name: "a pass of another zone covers nothing",
      packs: [pack({ id: "r", kind: "ROAMING", zoneId: "tr", dataMb: 1000 })],
      days: [abroad("2026-12-06", "DE", 5)],
      passUse: { r: { dataMb: 0, minutes: 0 } },
      charges: [{ zoneId: "eu", dataMb: 5, minutes: 0, sms: 0, cents: 1500 }],
    },
    {
      name: "beyond the pass, the rest is priced",
      packs: [pack({ id: "r", kind: "ROAMING", zoneId: "tr", dataMb: 100 })],
      days: [abroad("2026-12-06", "TR", 80), abroad("2026-12-07", "TR", 50)],
      passUse: { r: { dataMb: 100, minutes: 0 } },
      charges: [{ zoneId: "tr", dataMb: 30, minutes: 0, sms: 0, cents: 30 * 150 }],
    },
    {
      name: "a country in no zone is priced at the highest rates",
      packs: [],
      days: [abroad("2026-12-06", "BR", 2, 1, 1)],
      passUse: {},
      charges: [{ zoneId: null, dataMb: 2, minutes: 1, sms: 1, cents: 2 * 300 + 100 + 20 }],
    },
    {
      name: "two zones give two charges",
      packs: [],
      days: [abroad("2026-12-06", "DE", 1), abroad("2026-12-07", "TR", 1)],
      passUse: {},
      charges: [
        { zoneId: "eu", dataMb: 1, minutes: 0, sms: 0, cents: 300 },
        { zoneId: "tr", dataMb: 1, minutes: 0, sms: 0, cents: 150 },
      ],
    },
  ];
  it.each(cases)("$name", ({ packs, days, passUse, charges }) => {
    const rated = rateUsage({ domestic: [], roaming: days, packs, zones: ZONES, ...PERIOD });
    expect(Object.fromEntries(rated.packUse)).toEqual(passUse);
    expect(rated.roaming).toEqual(charges);
    expect(rated.roamingCents).toBe(charges.reduce((sum, charge) => sum + charge.cents, 0));
  });

  it("finds a country's zone", () => {
    expect(zoneOf(ZONES, "TR")?.id).toBe("tr");
    expect(zoneOf(ZONES, "US")).toBeNull();
  });
});
