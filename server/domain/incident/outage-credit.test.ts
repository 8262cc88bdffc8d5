import { describe, expect, it } from "vitest";
import { outageCreditCents, uncoveredMinutes, type Interval, type OutageCreditPolicy } from "./outage-credit";

const POLICY: OutageCreditPolicy = { thresholdMinutes: 60, ratePercent: 100, floorCents: 1_000 };
/** A 30-day cycle: 43,200 minutes. */
const CYCLE = 30 * 24 * 60;

function at(hhmm: string, day = 10): Date {
  return new Date(`2026-11-${String(day).padStart(2, "0")}T${hhmm}:00Z`);
}

function span(from: string, to: string, day = 10): Interval {
  return { from: at(from, day), to: at(to, day) };
}

describe("uncoveredMinutes", () => {
  type Row = { rule: string; outage: Interval; credited: Interval[]; minutes: number };
  const table: Row[] = [
    { rule: "no earlier credit: the whole outage", outage: span("10:00", "12:30"), credited: [], minutes: 150 },
    { rule: "an empty or reversed outage is none", outage: span("12:00", "11:00"), credited: [], minutes: 0 },
    {
      rule: "an earlier incident before it does not overlap",
      outage: span("10:00", "12:00"),
      credited: [span("07:00", "09:00")],
      minutes: 120,
    },
    {
      rule: "an earlier incident covering its first hour",
      outage: span("10:00", "12:00"),
      credited: [span("09:00", "11:00")],
      minutes: 60,
    },
    {
      rule: "two overlapping earlier incidents are counted once",
      outage: span("10:00", "14:00"),
      credited: [span("10:30", "12:00"), span("11:00", "12:30")],
      minutes: 120,
    },
    {
      rule: "an earlier incident inside it",
      outage: span("10:00", "14:00"),
      credited: [span("11:00", "11:30")],
      minutes: 210,
    },
    {
      rule: "fully covered by an earlier incident",
      outage: span("10:00", "11:00"),
      credited: [span("09:00", "12:00")],
      minutes: 0,
    },
    {
      rule: "the order of the earlier intervals does not matter",
      outage: span("10:00", "16:00"),
      credited: [span("14:00", "15:00"), span("10:00", "11:00"), span("10:30", "11:30")],
      minutes: 210,
    },
    {
      rule: "partial minutes round down",
      outage: { from: at("10:00"), to: new Date(at("11:01").getTime() + 59_000) },
      credited: [],
      minutes: 61,
    },
  ];
  it.each(table)("$rule", ({ outage, credited, minutes }) => {
    expect(uncoveredMinutes(outage, credited)).toBe(minutes);
  });
});

describe("outageCreditCents", () => {
  type Row = {
    rule: string;
    fee: number;
    minutes: number;
    cycleMinutes?: number;
    credited?: number;
    policy?: Partial<OutageCreditPolicy>;
    cents: number;
  };
  const table: Row[] = [
    { rule: "at the threshold: nothing", fee: 60_000, minutes: 60, cents: 0 },
    { rule: "under the threshold: nothing", fee: 60_000, minutes: 5, cents: 0 },
    { rule: "just past the threshold: the floor", fee: 60_000, minutes: 61, cents: 1_000 },
    // 60,000 x 1,440 / 43,200 = 2,000
    { rule: "a day out of a 30-day cycle: a thirtieth of the fee", fee: 60_000, minutes: 1_440, cents: 2_000 },
    // 2,000 x 50% = 1,000, and the floor is 500
    {
      rule: "the rate scales the prorated fee",
      fee: 60_000,
      minutes: 1_440,
      policy: { ratePercent: 50, floorCents: 500 },
      cents: 1_000,
    },
    // 100,000 x 120 x 150% / 4,320,000 = 416.67
    {
      rule: "proration rounds to the kopeck",
      fee: 100_000,
      minutes: 120,
      policy: { ratePercent: 150, floorCents: 0 },
      cents: 417,
    },
    { rule: "the floor when the prorated fee is smaller", fee: 30_000, minutes: 120, cents: 1_000 },
    { rule: "the floor is never more than the fee", fee: 500, minutes: 120, cents: 500 },
    { rule: "capped at the fee left in the cycle", fee: 60_000, minutes: 14_400, credited: 50_000, cents: 10_000 },
    { rule: "nothing left in the cycle: nothing", fee: 60_000, minutes: 14_400, credited: 60_000, cents: 0 },
    { rule: "an outage longer than the cycle is the whole fee", fee: 60_000, minutes: 2 * CYCLE, cents: 60_000 },
    { rule: "a free tariff gets nothing", fee: 0, minutes: 600, cents: 0 },
    { rule: "a higher threshold", fee: 60_000, minutes: 100, policy: { thresholdMinutes: 120 }, cents: 0 },
    // 31-day cycle: 62,000 x 4,464 / 44,640 = 6,200
    {
      rule: "a 31-day cycle prorates by its own length",
      fee: 62_000,
      minutes: 4_464,
      cycleMinutes: 31 * 1_440,
      cents: 6_200,
    },
  ];
  it.each(table)("$rule", ({ fee, minutes, cycleMinutes, credited, policy, cents }) => {
    expect(
      outageCreditCents({
        monthlyFeeCents: fee,
        minutes,
        cycleMinutes: cycleMinutes ?? CYCLE,
        creditedInCycleCents: credited ?? 0,
        policy: { ...POLICY, ...policy },
      }),
    ).toBe(cents);
  });

  it("several incidents on one line in a month: overlaps counted once, the month's total capped at the fee", () => {
    const fee = 43_200; // one kopeck a minute in a 30-day cycle
    const incidents = [span("00:00", "10:00", 3), span("05:00", "20:00", 3), span("00:00", "23:00", 20)];
    const credited: Interval[] = [];
    let total = 0;
    const credits: number[] = [];
    for (const outage of incidents) {
      const minutes = uncoveredMinutes(outage, credited);
      const cents = outageCreditCents({
        monthlyFeeCents: fee,
        minutes,
        cycleMinutes: CYCLE,
        creditedInCycleCents: total,
        policy: { ...POLICY, floorCents: 0 },
      });
      credits.push(cents);
      total += cents;
      credited.push(outage);
    }
    // 10 h; then 05:00-20:00 less the 5 h already credited = 10 h; then 23 h.
    expect(credits).toEqual([600, 600, 1_380]);
    expect(total).toBe(2_580);

    const capped = outageCreditCents({
      monthlyFeeCents: fee,
      minutes: CYCLE,
      cycleMinutes: CYCLE,
      creditedInCycleCents: total,
      policy: POLICY,
    });
    expect(total + capped).toBe(fee);
  });
});
