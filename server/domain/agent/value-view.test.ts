import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY } from "../routing/policy.schema";
import { scoreCustomerValue } from "../value/value-score";
import { valueViewOf } from "./value-view";

describe("valueViewOf", () => {
  it("reads what the scoring job stores, heaviest factor first", () => {
    const stored = JSON.parse(
      JSON.stringify(
        scoreCustomerValue(
          {
            recentBillTotalsCents: [200_000, 220_000],
            dueBills: 10,
            paidOnTime: 9,
            overdueBills: 0,
            activeLines: 3,
            serviceKinds: 2,
            tenureMonths: 40,
            usageTrend: 0.1,
          },
          DEFAULT_ROUTING_POLICY,
        ),
      ),
    );
    const view = valueViewOf(stored);
    expect(view?.factors.map((factor) => factor.key)).toEqual(["revenue", "discipline", "breadth", "tenure", "growth"]);
    expect(view?.factors[0]).toMatchObject({ key: "revenue", weight: 0.35 });
    expect(view?.factors.reduce((sum, factor) => sum + factor.points, 0)).toBeCloseTo(stored.score, 0);
    expect(view?.facts.averageMonthlyRevenueCents).toBe(210_000);
    expect(view?.facts.paidOnTime).toBe(9);
  });

  it.each([null, undefined, {}, { parts: { revenue: { value: 1 } } }, "broken"])(
    "is null for %j (not scored yet)",
    (stored) => {
      expect(valueViewOf(stored)).toBeNull();
    },
  );
});
