import { describe, expect, it } from "vitest";
import { estimateValue } from "./value-estimate";

describe("estimateValue", () => {
  it("puts a long-standing, high-spending, punctual multi-line customer in PLATINUM", () => {
    const value = estimateValue({
      recentBillTotalsCents: [552_000, 552_000, 552_000],
      dueBills: 12,
      paidOnTime: 12,
      overdueBills: 0,
      activeLines: 4,
      serviceKinds: 2,
      tenureMonths: 108,
      usageTrend: 0.3,
    });
    expect(value.segment).toBe("PLATINUM");
  });

  it("puts a new one-line customer with overdue bills in BRONZE", () => {
    const value = estimateValue({
      recentBillTotalsCents: [42_000, 42_000],
      dueBills: 3,
      paidOnTime: 0,
      overdueBills: 1,
      activeLines: 1,
      serviceKinds: 1,
      tenureMonths: 4,
      usageTrend: 0,
    });
    expect(value.segment).toBe("BRONZE");
    expect(value.score).toBeLessThan(40);
  });

  it("treats discipline and growth without history as neutral", () => {
    const value = estimateValue({
      recentBillTotalsCents: [],
      dueBills: 0,
      paidOnTime: 0,
      overdueBills: 0,
      activeLines: 0,
      serviceKinds: 0,
      tenureMonths: 0,
      usageTrend: null,
    });
    // 0.25 × 0.5 (discipline) + 0.1 × 0.5 (growth) = 17.5
    expect(value.score).toBe(18);
  });
});
