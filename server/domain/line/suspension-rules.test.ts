import { describe, expect, it } from "vitest";
import { previewSuspension, readSuspensionSettings, startOfUtcYear } from "./suspension-rules";

const settings = { daysPerYear: 90, feePerDayCents: 1_000 };
const NOW = new Date("2026-03-10T15:00:00Z");

describe("previewSuspension", () => {
  it.each([
    // until, used days, days, days left, fee, reason
    ["2026-03-11", 0, 1, 90, 1_000, null],
    ["2026-03-24", 0, 14, 90, 14_000, null],
    ["2026-06-08", 0, 90, 90, 90_000, null],
    ["2026-06-09", 0, 91, 90, 91_000, "OVER_YEARLY_LIMIT"],
    ["2026-03-24", 80, 14, 10, 14_000, "OVER_YEARLY_LIMIT"],
    ["2026-03-20", 80, 10, 10, 10_000, null],
    ["2026-03-11", 90, 1, 0, 1_000, "OVER_YEARLY_LIMIT"],
    ["2026-03-11", 120, 1, 0, 1_000, "OVER_YEARLY_LIMIT"],
    ["2026-03-10", 0, 0, 90, 0, "UNTIL_NOT_AFTER_TODAY"],
    ["2026-03-01", 0, 0, 90, 0, "UNTIL_NOT_AFTER_TODAY"],
  ] as const)(
    "until %s with %i days used: %i days, %i left, fee %i, %s",
    (until, usedDays, days, left, fee, reason) => {
      expect(previewSuspension({ now: NOW, until: new Date(`${until}T00:00:00Z`), usedDays }, settings)).toEqual({
        days,
        daysLeft: left,
        feeCents: fee,
        reason,
      });
    },
  );

  it("a free suspension costs nothing", () => {
    const free = { daysPerYear: 90, feePerDayCents: 0 };
    expect(previewSuspension({ now: NOW, until: new Date("2026-04-01"), usedDays: 0 }, free).feeCents).toBe(0);
  });
});

describe("readSuspensionSettings", () => {
  it.each([
    [{}, { daysPerYear: 90, feePerDayCents: 0 }],
    [
      { SUSPENSION_DAYS_PER_YEAR: "30", SUSPENSION_FEE_PER_DAY_KOPECKS: "500" },
      { daysPerYear: 30, feePerDayCents: 500 },
    ],
    [
      { SUSPENSION_DAYS_PER_YEAR: "-1", SUSPENSION_FEE_PER_DAY_KOPECKS: "1.5" },
      { daysPerYear: 90, feePerDayCents: 0 },
    ],
    [{ SUSPENSION_DAYS_PER_YEAR: "0" }, { daysPerYear: 0, feePerDayCents: 0 }],
  ])("%j gives %j", (env, expected) => {
    expect(readSuspensionSettings(env)).toEqual(expected);
  });
});

describe("startOfUtcYear", () => {
  it("is 1 January, 00:00 UTC", () => {
    expect(startOfUtcYear(NOW).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});
