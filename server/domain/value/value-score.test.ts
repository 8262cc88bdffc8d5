import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY, type Segment } from "../routing/policy.schema";
import { scoreCustomerValue, segmentForScore, usageTrendOf, type ValueFacts } from "./value-score";

const policy = DEFAULT_ROUTING_POLICY;

const facts = (overrides: Partial<ValueFacts> = {}): ValueFacts => ({
  recentBillTotalsCents: [125_000, 125_000],
  dueBills: 10,
  paidOnTime: 10,
  overdueBills: 0,
  activeLines: 2,
  serviceKinds: 1,
  tenureMonths: 30,
  usageTrend: 0,
  ...overrides,
});

describe("segmentForScore", () => {
  const table: [number, Segment][] = [
    [100, "PLATINUM"],
    [80, "PLATINUM"],
    [79, "GOLD"],
    [60, "GOLD"],
    [59, "SILVER"],
    [40, "SILVER"],
    [39, "BRONZE"],
    [0, "BRONZE"],
  ];
  it.each(table)("score %i is %s", (score, segment) => {
    expect(segmentForScore(score, policy.segmentThresholds)).toBe(segment);
  });
  it("follows the policy's thresholds", () => {
    expect(segmentForScore(70, { PLATINUM: 70, GOLD: 50, SILVER: 30 })).toBe("PLATINUM");
    expect(segmentForScore(29, { PLATINUM: 70, GOLD: 50, SILVER: 30 })).toBe("BRONZE");
  });
});

describe("scoreCustomerValue: each part", () => {
  const table: {
    part: "revenue" | "discipline" | "breadth" | "tenure" | "growth";
    input: Partial<ValueFacts>;
    value: number;
  }[] = [
    { part: "revenue", input: { recentBillTotalsCents: [] }, value: 0 },
    { part: "revenue", input: { recentBillTotalsCents: [100_000, 150_000] }, value: 0.5 },
    { part: "revenue", input: { recentBillTotalsCents: [900_000] }, value: 1 },
    { part: "discipline", input: { dueBills: 0, paidOnTime: 0 }, value: 0.5 },
    { part: "discipline", input: { dueBills: 4, paidOnTime: 3 }, value: 0.75 },
    { part: "discipline", input: { dueBills: 4, paidOnTime: 3, overdueBills: 1 }, value: 0.5 },
    { part: "discipline", input: { dueBills: 4, paidOnTime: 0, overdueBills: 3 }, value: 0 },
    { part: "breadth", input: { activeLines: 1 }, value: 0.25 },
    { part: "breadth", input: { activeLines: 2, serviceKinds: 2 }, value: 0.75 },
    { part: "breadth", input: { activeLines: 6, serviceKinds: 2 }, value: 1 },
    { part: "breadth", input: { activeLines: 0, serviceKinds: 0 }, value: 0 },
    { part: "tenure", input: { tenureMonths: 0 }, value: 0 },
    { part: "tenure", input: { tenureMonths: 15 }, value: 0.25 },
    { part: "tenure", input: { tenureMonths: 120 }, value: 1 },
    { part: "growth", input: { usageTrend: null }, value: 0.5 },
    { part: "growth", input: { usageTrend: 0.2 }, value: 0.7 },
    { part: "growth", input: { usageTrend: -0.8 }, value: 0 },
    { part: "growth", input: { usageTrend: 2 }, value: 1 },
  ];
  it.each(table)("$part from $input is $value", ({ part, input, value }) => {
    const result = scoreCustomerValue(facts(input), policy);
    expect(result.parts[part].value).toBeCloseTo(value, 3);
    expect(result.parts[part].weight).toBe(policy.valueWeights[part]);
    expect(result.parts[part].points).toBeCloseTo(value * policy.valueWeights[part] * 100, 2);
  });
});

describe("scoreCustomerValue: the whole score", () => {
  it("adds the weighted parts and stores the facts", () => {
    // revenue 0.5·35 + discipline 1·25 + breadth 0.5·15 + tenure 0.5·15 + growth 0.5·10 = 62.5 → 63
    const result = scoreCustomerValue(facts(), policy);
    expect(result.score).toBe(63);
    expect(result.segment).toBe("GOLD");
    expect(result.facts.averageMonthlyRevenueCents).toBe(125_000);
    const sum = Object.values(result.parts).reduce((total, part) => total + part.points, 0);
    expect(Math.round(sum)).toBe(result.score);
  });

  it("puts a long-standing, high-spending, punctual multi-service customer in PLATINUM", () => {
    const result = scoreCustomerValue(
      facts({
        recentBillTotalsCents: Array(6).fill(660_000),
        activeLines: 4,
        serviceKinds: 2,
        tenureMonths: 109,
        usageTrend: 0.19,
      }),
      policy,
    );
    expect(result.segment).toBe("PLATINUM");
    expect(result.score).toBeGreaterThanOrEqual(95);
  });

  it("puts a new one-line customer who pays late in BRONZE", () => {
    const result = scoreCustomerValue(
      facts({
        recentBillTotalsCents: [42_000, 42_000, 42_000, 42_000],
        dueBills: 3,
        paidOnTime: 0,
        overdueBills: 1,
        activeLines: 1,
        tenureMonths: 4,
        usageTrend: null,
      }),
      policy,
    );
    expect(result.segment).toBe("BRONZE");
    expect(result.score).toBeLessThan(20);
  });

  it("lands exactly on the boundaries", () => {
    const only = (weights: Partial<typeof policy.valueWeights>) => ({
      ...policy,
      valueWeights: { revenue: 0, discipline: 0, breadth: 0, tenure: 0, growth: 0, ...weights },
    });
    // Tenure alone, weight 1: the score is the tenure share.
    const tenurePolicy = only({ tenure: 1 });
    const at = (months: number) =>
      scoreCustomerValue(facts({ tenureMonths: months }), { ...tenurePolicy, tenureForFullScoreMonths: 100 });
    expect(at(80).segment).toBe("PLATINUM");
    expect(at(79).segment).toBe("GOLD");
    expect(at(60).segment).toBe("GOLD");
    expect(at(59).segment).toBe("SILVER");
    expect(at(40).segment).toBe("SILVER");
    expect(at(39).segment).toBe("BRONZE");
  });

  it("reads weights and normalisation from the policy", () => {
    const revenueOnly = {
      ...policy,
      valueWeights: { revenue: 1, discipline: 0, breadth: 0, tenure: 0, growth: 0 },
      revenueForFullScoreCents: 50_000,
    };
    expect(scoreCustomerValue(facts({ recentBillTotalsCents: [40_000] }), revenueOnly).score).toBe(80);
  });
});

describe("usageTrendOf", () => {
  it.each([
    [{ total: 1200, days: 60 }, { total: 1000, days: 60 }, 0.2],
    [{ total: 600, days: 30 }, { total: 1200, days: 60 }, 0],
    [{ total: 500, days: 60 }, { total: 1000, days: 60 }, -0.5],
    [{ total: 500, days: 60 }, { total: 0, days: 60 }, 1],
    [{ total: 0, days: 60 }, { total: 0, days: 60 }, 0],
    [{ total: 500, days: 60 }, { total: 1000, days: 10 }, null],
  ])("%o against %o is %s", (recent, previous, expected) => {
    expect(usageTrendOf(recent, previous)).toBe(expected);
  });
});
