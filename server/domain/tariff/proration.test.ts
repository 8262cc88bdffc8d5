import { describe, expect, it } from "vitest";
import { prorate, prorateChange } from "./proration";

const SMART = 55_000;
const PREMIUM = 250_000;

describe("prorateChange IMMEDIATE", () => {
  it.each([
    // name, at, billing day, cycle days, days remaining, credit, charge
    ["first day of a 30-day cycle: the whole fee both ways", "2026-11-01T09:30:00Z", 1, 30, 30, 55_000, 250_000],
    ["last day of a 30-day cycle: one day", "2026-11-30T23:59:00Z", 1, 30, 1, 1_833, 8_333],
    ["middle of a 31-day month", "2026-12-16T12:00:00Z", 1, 31, 16, 28_387, 129_032],
    ["February of 28 days, its last day", "2026-02-28T10:00:00Z", 1, 28, 1, 1_964, 8_929],
    ["February of 28 days, its 15th", "2026-02-15T10:00:00Z", 1, 28, 14, 27_500, 125_000],
    ["leap February of 29 days, its 15th", "2028-02-15T10:00:00Z", 1, 29, 15, 28_448, 129_310],
    [
      "a cycle starting on the 15th spanning February (31 days Jan 15..Feb 15)",
      "2026-02-14T08:00:00Z",
      15,
      31,
      1,
      1_774,
      8_065,
    ],
    [
      "a cycle starting on the 15th spanning a 28-day February (Feb 15..Mar 15)",
      "2026-02-15T00:00:00Z",
      15,
      28,
      28,
      55_000,
      250_000,
    ],
    [
      "the day of the bill run (cycle start) belongs to the new cycle",
      "2026-12-01T00:00:00Z",
      1,
      31,
      31,
      55_000,
      250_000,
    ],
    ["a minute before the bill run is the last day of the old cycle", "2026-11-30T23:59:00Z", 1, 30, 1, 1_833, 8_333],
  ] as const)("%s", (_name, at, billingDay, cycleDays, daysRemaining, credit, charge) => {
    const result = prorateChange({
      fromFeeCents: SMART,
      toFeeCents: PREMIUM,
      effective: "IMMEDIATE",
      billingDay,
      at: new Date(at),
    });
    expect(result.cycleDays).toBe(cycleDays);
    expect(result.daysRemaining).toBe(daysRemaining);
    expect(result.creditCents).toBe(credit);
    expect(result.chargeCents).toBe(charge);
    expect(result.effectiveAt.toISOString()).toBe(new Date(at).toISOString());
  });
});

describe("prorateChange NEXT_CYCLE", () => {
  it.each([
    ["mid-cycle", "2026-11-26T10:00:00Z", 1, "2026-12-01"],
    ["on the cycle start waits for the next one", "2026-11-01T00:00:00Z", 1, "2026-12-01"],
    ["billing day 15 before it", "2026-02-10T10:00:00Z", 15, "2026-02-15"],
    ["year end", "2026-12-31T23:00:00Z", 1, "2027-01-01"],
  ] as const)("%s: no money, effective at %s", (_name, at, billingDay, effectiveDay) => {
    const result = prorateChange({
      fromFeeCents: SMART,
      toFeeCents: PREMIUM,
      effective: "NEXT_CYCLE",
      billingDay,
      at: new Date(at),
    });
    expect(result.creditCents).toBe(0);
    expect(result.chargeCents).toBe(0);
    expect(result.effectiveAt.toISOString().slice(0, 10)).toBe(effectiveDay);
  });
});

describe("prorate", () => {
  it.each([
    [30_000, 15, 30, 15_000],
    [10_000, 1, 3, 3_333],
    [20_000, 1, 3, 6_667],
    [0, 10, 30, 0],
    [29_000, 31, 31, 29_000],
  ])("%i for %i of %i days is %i", (fee, days, cycleDays, expected) => {
    expect(prorate(fee, days, cycleDays)).toBe(expected);
  });
});
