import { describe, expect, it } from "vitest";
import { adjustmentError, creditPeriodStarts, decideAdjustment } from "./adjustment-rules";

describe("decideAdjustment", () => {
  it.each([
    // amount, already applied on the bill, limit, role, decision
    [-10_000, 0, 50_000, "AGENT", "APPLY"],
    [-50_000, 0, 50_000, "AGENT", "APPLY"],
    [-50_001, 0, 50_000, "AGENT", "NEEDS_APPROVAL"],
    [50_001, 0, 50_000, "AGENT", "NEEDS_APPROVAL"],
    [30_000, 0, 50_000, "AGENT", "APPLY"],
    [-30_000, -20_000, 50_000, "AGENT", "APPLY"],
    [-30_000, -20_001, 50_000, "AGENT", "NEEDS_APPROVAL"],
    [-1, 0, 0, "AGENT", "NEEDS_APPROVAL"],
    [-900_000, 0, 50_000, "ADMIN", "APPLY"],
  ] as const)(
    "%i with %i already applied, limit %i, by %s → %s",
    (amountCents, unapprovedAppliedCents, limitCents, role, decision) => {
      expect(decideAdjustment({ amountCents, unapprovedAppliedCents, limitCents, role }).decision).toBe(decision);
    },
  );

  it("says why it needs approval", () => {
    expect(
      decideAdjustment({ amountCents: -60_000, unapprovedAppliedCents: 0, limitCents: 50_000, role: "AGENT" }).reason,
    ).toMatch(/above the agent limit of 50000/i);
  });
});

describe("decideAdjustment with the daily and monthly credit limits", () => {
  const base = { unapprovedAppliedCents: 0, limitCents: 50_000, role: "AGENT" } as const;
  const day = (creditedCents: number) => ({ creditedCents, limitCents: 200_000 });
  const month = (creditedCents: number) => ({ creditedCents, limitCents: 100_000 });

  it.each([
    // amount, credited by the agent today, credited to the customer this month, decision, reason
    [-50_000, 150_000, 50_000, "APPLY", /within the agent limit/i],
    [
      -50_000,
      150_001,
      0,
      "NEEDS_APPROVAL",
      /150001 kopecks already credited by this agent today.*daily limit of 200000/,
    ],
    [
      -50_000,
      0,
      50_001,
      "NEEDS_APPROVAL",
      /50001 kopecks already credited to this customer this month.*monthly limit of 100000/,
    ],
    [-50_001, 0, 0, "NEEDS_APPROVAL", /above the agent limit of 50000/i],
    // A charge takes nothing from the customer's or the agent's credit budget.
    [40_000, 200_000, 100_000, "APPLY", /within the agent limit/i],
  ] as const)("%i with %i today and %i this month → %s", (amountCents, today, thisMonth, decision, reason) => {
    const result = decideAdjustment({ ...base, amountCents, agentDay: day(today), customerMonth: month(thisMonth) });
    expect(result.decision).toBe(decision);
    expect(result.reason).toMatch(reason);
  });

  it("lets a supervisor credit past every limit", () => {
    const result = decideAdjustment({
      ...base,
      role: "ADMIN",
      amountCents: -900_000,
      agentDay: day(200_000),
      customerMonth: month(100_000),
    });
    expect(result.decision).toBe("APPLY");
  });
});

describe("creditPeriodStarts", () => {
  it("starts the day and the month at midnight in Moscow (UTC+3)", () => {
    expect(creditPeriodStarts(new Date("2026-12-04T05:00:00Z"))).toEqual({
      dayStart: new Date("2026-12-03T21:00:00Z"),
      monthStart: new Date("2026-11-30T21:00:00Z"),
    });
    // 23:30 UTC on 31 January is already 1 February in Moscow.
    expect(creditPeriodStarts(new Date("2027-01-31T23:30:00Z"))).toEqual({
      dayStart: new Date("2027-01-31T21:00:00Z"),
      monthStart: new Date("2027-01-31T21:00:00Z"),
    });
  });

  it("follows a zone with daylight saving across its change", () => {
    // Berlin: CET (UTC+1) on 1 March, CEST (UTC+2) from 29 March 2026.
    expect(creditPeriodStarts(new Date("2026-03-30T12:00:00Z"), "Europe/Berlin")).toEqual({
      dayStart: new Date("2026-03-29T22:00:00Z"),
      monthStart: new Date("2026-02-28T23:00:00Z"),
    });
  });
});

describe("adjustmentError", () => {
  it.each([
    [{ status: "ISSUED", totalCents: 100_000 }, -100_000, null],
    [{ status: "PAID", totalCents: 100_000 }, -5_000, null],
    [{ status: "OVERDUE", totalCents: 100_000 }, 5_000, null],
    [{ status: "ISSUED", totalCents: 100_000 }, -100_001, "A credit cannot exceed the bill total"],
    [{ status: "CANCELLED", totalCents: 100_000 }, -5_000, "A cancelled bill cannot be adjusted"],
    [{ status: "ISSUED", totalCents: 100_000 }, 0, "The amount cannot be zero"],
  ])("%o adjusted by %i → %s", (bill, amount, error) => {
    expect(adjustmentError(bill, amount)).toBe(error);
  });
});
